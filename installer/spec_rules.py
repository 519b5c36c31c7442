"""What goes into the PyInstaller bundle besides what PyInstaller finds by itself: the modules
imported dynamically, the modules and Qt parts left out, and the filter over Qt's plugins and
translations. Plain data and one pure function, so tests/unit/test_installer_spec.py checks them
without PyInstaller."""

from __future__ import annotations

import sys

# Imported by name at run time, where PyInstaller's import scan cannot see them.
HIDDEN_IMPORTS = [
    # Alembic loads env.py and the revision files from source; these are what they import.
    "alembic.context",
    "alembic.op",
    "alembic.runtime.environment",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "alembic.ddl.mysql",
    "desktop.db.search_index",
    "desktop.models",
    "logging.config",
    # SQLAlchemy picks the dialect and driver from the URL's name.
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "sqlalchemy.dialects.mysql.pymysql",
    "sqlalchemy.dialects.mysql",
    "psycopg",
    "psycopg_binary",
    "pymysql",
    # Password hashing (cffi binding) and the credential store backends (entry points).
    "argon2",
    "argon2._password_hasher",
    "_cffi_backend",
    "keyring.backends.Windows",
    "keyring.backends.SecretService",
    "keyring.backends.fail",
    "keyring.backends.null",
    # Readers and writers loaded inside functions, and ReportLab's optional C accelerator.
    "python_calamine",
    "xlsxwriter",
    "openpyxl",
    "_rl_accel",
    "platformdirs",
]

# Never used by StationDesk; several pull in tens of megabytes of Qt libraries.
QT_MODULES_EXCLUDED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]

EXCLUDES = [
    *(f"PySide6.{name}" for name in QT_MODULES_EXCLUDED),
    "PyQt5", "PyQt6", "PySide2",  # pyqtgraph's other bindings
    "tkinter", "_tkinter", "turtle", "idlelib",
    "numpy.tests", "numpy.f2py", "numpy.distutils", "numpy.testing.tests",
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter", "OpenGL",
    "matplotlib", "scipy", "pandas", "IPython", "pytest", "_pytest", "pytestqt", "pypdf",
    "setuptools", "pip", "distutils", "lib2to3", "pydoc_data",
    # Not Pillow (19 MB): ReportLab's TrueType font code imports it.
]

# Qt plugin folders the app uses: windows (platforms), PNG/SVG/ICO images and SVG icons, the
# widget styles, printing, and on Linux the X11 GL glue and the input methods (Chinese IMEs).
QT_PLUGIN_DIRS = {"platforms", "imageformats", "iconengines", "styles", "printsupport"}
QT_PLUGIN_DIRS_LINUX = {"xcbglintegrations", "platforminputcontexts"}
# Within platforms/: the native one and offscreen (the self-check and tests run without a screen).
QT_PLATFORMS = {"qwindows", "qxcb", "qcocoa", "qoffscreen", "qminimal"}
# Qt's own translations: only the Chinese of the standard buttons and dialogs is loaded (app.py).
QT_TRANSLATIONS = {"qtbase_zh_CN.qm"}

QT_PREFIX = "PySide6/Qt/"
# Qt libraries that only the plugins filtered out above need (PyInstaller collects a plugin's
# dependencies before the filter runs): QML/Quick, the virtual keyboard, Wayland, EGLFS, OpenGL;
# on Windows the software OpenGL renderer and the Direct3D shader compiler (Qt Quick only).
QT_LIBRARIES_EXCLUDED = (
    "Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6Wayland", "Qt6WlShell", "Qt6EglFS", "Qt6EglFs",
    "Qt6OpenGL", "opengl32sw", "d3dcompiler_47",
)


def _stem(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(dest: str, platform: str = sys.platform) -> bool:
    """False for a Qt plugin or translation (by its path inside the bundle) the app never loads."""
    path = dest.replace("\\", "/")
    # Qt's libraries: PySide6/Qt/lib/libQt6X.so.6 on Linux, PySide6/Qt6X.dll on Windows.
    library = path.startswith("PySide6/") and "/plugins/" not in path
    if library and _stem(path.rsplit("/", 1)[-1]).startswith(QT_LIBRARIES_EXCLUDED):
        return False
    if not path.startswith(QT_PREFIX):
        return True
    rest = path[len(QT_PREFIX):].split("/")
    if rest[0] == "translations" and len(rest) > 1:
        return rest[-1] in QT_TRANSLATIONS
    if rest[0] == "plugins" and len(rest) > 2:
        folder, name = rest[1], rest[-1]
        allowed = QT_PLUGIN_DIRS | (QT_PLUGIN_DIRS_LINUX if platform.startswith("linux") else set())
        if folder not in allowed:
            return False
        if folder == "platforms":
            return _stem(name) in QT_PLATFORMS
        if folder == "platforminputcontexts":
            return "virtualkeyboard" not in name  # the on-screen keyboard needs QtQuick
        return True
    return True


def filter_toc(toc, platform: str = sys.platform):
    """A PyInstaller TOC (``(dest, source, kind)`` tuples) without the unused Qt files."""
    return [entry for entry in toc if keep_qt_file(entry[0], platform)]
