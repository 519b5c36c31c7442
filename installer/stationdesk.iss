; Inno Setup 6 script of the StationDesk setup file (per-machine install, Chinese first).
; Saved as UTF-8 with a byte-order mark so that ISCC reads the Chinese text correctly.
;
; Built by installer/build.py on Windows, which passes:
;   /DAppVersion=0.1.0            desktop/__version__ (the one place the version is written)
;   /DBundleDir=...\build\dist\StationDesk   the PyInstaller folder
;   /DOutputDir=...\build\setup
;   /DSetupIcon=...\build\station-desk.ico   (optional)
; By hand: "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\stationdesk.iss
;
; The user's data (database station.db, backups\, logs\) lives in %LOCALAPPDATA%\StationDesk and
; the settings in HKCU\Software\StationDesk: never under {app}. The uninstaller removes only what
; this script installed, so the data and settings survive an uninstall and an upgrade; at the next
; start the new version backs up the local database and migrates it (desktop/db/migrate.prepare).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z installer\stationdesk.iss (installer/build.py does)
#endif
#ifndef BundleDir
  #define BundleDir "..\build\dist\StationDesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\build\setup"
#endif

#define AppName "StationDesk"
#define AppNameZh "StationDesk 派出所综合指挥室工作台"
#define AppExe "StationDesk.exe"

[Setup]
; The AppId ties every version together: a new setup upgrades the installed one in place.
; Never change it.
AppId={{6C1F7E52-3B8A-4B8E-9C2D-5A0D1E7F4B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=StationDesk team
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameZh}
VersionInfoDescription={#AppNameZh} 安装程序
DefaultDirName={autopf}\StationDesk
DefaultGroupName=StationDesk
DisableProgramGroupPage=yes
; Per machine: every officer's account on the command-room PC gets the program.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=StationDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh}
; An upgrade closes a running StationDesk first (its files are in use) and reopens nothing.
CloseApplications=yes
RestartApplications=no
#ifdef SetupIcon
SetupIconFile={#SetupIcon}
#endif

[Languages]
; ChineseSimplified.isl ships in Inno Setup's Languages\Unofficial folder (not among the official
; languages); a copy placed next to this script (installer\ChineseSimplified.isl) is used when the
; Inno Setup installation lacks it. See installer/README.md.
#if FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(SourcePath + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found (Inno Setup Languages\Unofficial, or installer\ChineseSimplified.isl)
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.LaunchApp=立即启动 StationDesk
english.LaunchApp=Start StationDesk now
chinesesimplified.SelfCheck=StationDesk 自检
english.SelfCheck=StationDesk self-check
chinesesimplified.DataKept=卸载不会删除数据库、备份和设置（位于 %LOCALAPPDATA%\StationDesk）。
english.DataKept=Uninstalling keeps the database, backups and settings (in %LOCALAPPDATA%\StationDesk).

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: checkedonce

[InstallDelete]
; An upgrade replaces the whole program folder: files a newer bundle no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\StationDesk"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameZh}"
Name: "{autoprograms}\StationDesk 自检"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\station-desk.exe"" --self-check"; WorkingDir: "{app}"; Comment: "{cm:SelfCheck}"
Name: "{autodesktop}\StationDesk"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; Comment: "{#AppNameZh}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the database, backups, logs and settings stay.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
