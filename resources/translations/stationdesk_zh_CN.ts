<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="64"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="74"/>
        <source>The database connection was lost: {reason}. Retrying… (saved data is not affected; unsaved input is kept)</source>
        <translation>数据库连接已断开：{reason}。正在重试…（已保存的数据不受影响，未保存的内容仍保留）</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="29"/>
        <source>StationDesk — First run</source>
        <translation>派出所综合指挥室工作台 — 首次使用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="32"/>
        <source>Create the administrator</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="37"/>
        <source>This database has no accounts yet. Enter the station and the administrator who will set up the other accounts.</source>
        <translation>此数据库还没有任何账号。请填写本派出所信息和管理员信息，由管理员再为其他人员建立账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="46"/>
        <source>Letters or digits, e.g. DS</source>
        <translation>字母或数字，例如 DS</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="55"/>
        <source>At least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="68"/>
        <source>Station &amp;code:</source>
        <translation>派出所代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="69"/>
        <source>Station n&amp;ame:</source>
        <translation>派出所名称(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="70"/>
        <source>Staff &amp;number:</source>
        <translation>工号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="71"/>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="72"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="73"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="82"/>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="84"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="103"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../desktop/views/job_runner.py" line="77"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/job_runner.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/views/job_runner.py" line="122"/>
        <source>{text}
{done} of {total} ({percent}%)</source>
        <translation>{text}
已完成 {done} / {total}（{percent}%）</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="35"/>
        <source>StationDesk — Log in</source>
        <translation>派出所综合指挥室工作台 — 登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="38"/>
        <source>Police Station Command Room Desk</source>
        <translation>派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="48"/>
        <source>Your staff number</source>
        <translation>请输入工号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="53"/>
        <source>Password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="58"/>
        <source>&amp;Station:</source>
        <translation>派出所(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="61"/>
        <source>Staff &amp;number:</source>
        <translation>工号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="62"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="72"/>
        <source>This is an internal public security system for authorised personnel only. Log-ins and all actions are recorded and audited.</source>
        <translation>本系统为公安内部工作系统，仅限授权人员使用。登录及所有操作均被记录审计。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="81"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="83"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="109"/>
        <source>StationDesk — {station}</source>
        <translation>派出所综合指挥室工作台 — {station}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="109"/>
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="122"/>
        <source>{title} (Ctrl+{number})</source>
        <translation>{title}（Ctrl+{number}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="154"/>
        <source>Today&apos;s Briefing</source>
        <translation>今日晨会</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="155"/>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="156"/>
        <source>Work Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="157"/>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="158"/>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="159"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="185"/>
        <source>A new database is used after StationDesk is restarted.</source>
        <translation>更换数据库后需重新启动本程序才会生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="187"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="207"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="223"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="224"/>
        <source>Command-room chief</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="225"/>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="226"/>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="227"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="228"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="241"/>
        <source>Database: {backend} {name}</source>
        <translation>数据库：{backend} {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="246"/>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="248"/>
        <source>User: {name} ({number}, {roles})</source>
        <translation>当前用户：{name}（{number}，{roles}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="264"/>
        <source>Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="264"/>
        <source>Disconnected</source>
        <translation>● 连接已断开</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="287"/>
        <source>Database connection restored.</source>
        <translation>数据库连接已恢复。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <location filename="../../desktop/views/placeholder_panel.py" line="18"/>
        <source>This feature is not available yet.</source>
        <translation>本功能尚未开放，将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="49"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="69"/>
        <source>The PDF file cannot be shown.</source>
        <translation>无法显示该 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="71"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="76"/>
        <source>The PDF preview is not available on this computer (QtPdf is missing). Open the file in the system PDF viewer to read or print it.</source>
        <translation>本机无法预览 PDF（缺少 QtPdf 组件）。请用系统的 PDF 阅读器打开该文件查看或打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="83"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="86"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="88"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="101"/>
        <source>Save PDF as</source>
        <translation>PDF 另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="101"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="112"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="112"/>
        <source>The file could not be saved: %1</source>
        <translation>文件未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="140"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/views/print_preview_dialog.py" line="140"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="419"/>
        <source>StationDesk — Settings</source>
        <translation>派出所综合指挥室工作台 — 设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="432"/>
        <source>StationDesk cannot open the database:
{reason}
Correct the settings and retry, or quit.</source>
        <translation>无法打开数据库：
{reason}
请修改设置后重试，或退出程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="446"/>
        <source>Save and retry</source>
        <translation>保存并重试</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="446"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="449"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="449"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="141"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="144"/>
        <source>Local file (this desk only)</source>
        <translation>本机文件（仅本工作台使用）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="145"/>
        <source>Server (shared by several desks)</source>
        <translation>服务器（多个工作台共用）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="160"/>
        <source>Empty: the default file in the user data folder</source>
        <translation>留空：使用用户数据文件夹中的默认文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="161"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="168"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="180"/>
        <source>e.g. 10.0.0.5</source>
        <translation>例如 10.0.0.5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="189"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="190"/>
        <source>Host:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="191"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="192"/>
        <source>Database:</source>
        <translation>数据库名：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="193"/>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="196"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="205"/>
        <source>The password is kept in the system credential store.</source>
        <translation>密码保存在系统凭据库中，不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="209"/>
        <source>The system credential store is unavailable: the password will not be saved and must be entered again at every start.</source>
        <translation>系统凭据库不可用，密码不会保存，每次启动需重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="220"/>
        <location filename="../../desktop/views/settings_dialog.py" line="381"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="233"/>
        <source>Station and duty</source>
        <translation>派出所与值班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="235"/>
        <source>Station code:</source>
        <translation>派出所代码：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="236"/>
        <source>Station name:</source>
        <translation>派出所名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="240"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="241"/>
        <source>Duty day starts at:</source>
        <translation>值班日交接时间：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="242"/>
        <source> o&apos;clock</source>
        <translation> 时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="243"/>
        <source>Lock the desk after:</source>
        <translation>无操作锁屏：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="244"/>
        <source> min idle</source>
        <translation> 分钟后</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="249"/>
        <source>Work-order default deadlines</source>
        <translation>工单默认办理时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="251"/>
        <location filename="../../desktop/views/settings_dialog.py" line="265"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="253"/>
        <source>Urgent:</source>
        <translation>紧急：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="254"/>
        <source>High:</source>
        <translation>较急：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="255"/>
        <source>Normal:</source>
        <translation>一般：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="256"/>
        <source>Long-term:</source>
        <translation>长期：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="263"/>
        <source>Repeat-call rules</source>
        <translation>重复报警规则</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="265"/>
        <source> calls</source>
        <translation> 次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="265"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="265"/>
        <source> callers</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="267"/>
        <source>Same caller, at least:</source>
        <translation>同一报警人，至少：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="268"/>
        <location filename="../../desktop/views/settings_dialog.py" line="270"/>
        <location filename="../../desktop/views/settings_dialog.py" line="272"/>
        <source>within:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="269"/>
        <source>Same place, at least:</source>
        <translation>同一地点，至少：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="271"/>
        <source>Same event, at least:</source>
        <translation>同一事件，报警人至少：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="352"/>
        <source>Choose the database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="354"/>
        <source>StationDesk database (*.db *.sqlite);;All files (*)</source>
        <translation>工作台数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="376"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="382"/>
        <source>Connecting to the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="392"/>
        <source>Connection failed: {error}</source>
        <translation>连接失败：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="397"/>
        <source>Connection OK. The database is up to date.</source>
        <translation>连接成功，数据库结构是最新的。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="398"/>
        <source>Connection OK. The database is empty and will be set up at start.</source>
        <translation>连接成功，数据库为空，启动时将自动初始化。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="399"/>
        <source>The file does not exist yet; it will be created at start.</source>
        <translation>文件尚不存在，启动时将自动创建。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="400"/>
        <source>Connection OK, but the database must be upgraded (version {version}).</source>
        <translation>连接成功，但数据库结构需要升级（当前版本 {version}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="401"/>
        <source>This database was made by a newer StationDesk (version {version}).</source>
        <translation>该数据库由更新版本的工作台创建（结构版本 {version}），本程序无法使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="402"/>
        <source>This database holds other tables; it is not a StationDesk database.</source>
        <translation>该数据库中有其他程序的数据表，不是本工作台的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="404"/>
        <source>Connection OK.</source>
        <translation>连接成功。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../desktop/app.py" line="98"/>
        <source>StationDesk</source>
        <translation>派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="105"/>
        <source>Sorry, something went wrong. Your work so far has been kept.</source>
        <translation>抱歉，程序遇到了意外错误。已输入的内容均已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="109"/>
        <source>Reference: {reference}. The details have been written to the log file:</source>
        <translation>参考编号：{reference}。详细信息已写入日志文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="222"/>
        <source>Demo station</source>
        <translation>演示派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="223"/>
        <source>Creating the demo station database…</source>
        <translation>正在生成演示派出所数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="336"/>
        <source>{reason}
Database: {url}</source>
        <translation>{reason}
数据库：{url}</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="345"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="346"/>
        <source>StationDesk cannot open the database:
{reason}

Database: {url}</source>
        <translation>无法打开数据库：
{reason}

数据库：{url}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="52"/>
        <source>StationDesk — Locked</source>
        <translation>派出所综合指挥室工作台 — 已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="56"/>
        <source>This desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="60"/>
        <source>Locked after a period without use. Enter the password of {name} ({number}) to continue; your unsaved work is kept.</source>
        <translation>长时间无操作，工作台已锁定。请输入 {name}（{number}）的密码继续；未保存的内容均已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="70"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="78"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
</TS>
