<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="29" />
        <source>StationDesk — First run</source>
        <translation>派出所综合指挥室工作台 — 首次使用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="32" />
        <source>Create the administrator</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="37" />
        <source>This database has no accounts yet. Enter the station and the administrator who will set up the other accounts.</source>
        <translation>此数据库还没有任何账号。请填写本派出所信息和管理员信息，由管理员再为其他人员建立账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="46" />
        <source>Letters or digits, e.g. DS</source>
        <translation>字母或数字，例如 DS</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="55" />
        <source>At least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="68" />
        <source>Station &amp;code:</source>
        <translation>派出所代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="69" />
        <source>Station n&amp;ame:</source>
        <translation>派出所名称(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="70" />
        <source>Staff &amp;number:</source>
        <translation>工号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="71" />
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="72" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="73" />
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="82" />
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="84" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="103" />
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../desktop/views/job_runner.py" line="77" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/job_runner.py" line="80" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/views/job_runner.py" line="122" />
        <source>{text}
{done} of {total} ({percent}%)</source>
        <translation>{text}
已完成 {done} / {total}（{percent}%）</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="35" />
        <source>StationDesk — Log in</source>
        <translation>派出所综合指挥室工作台 — 登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="38" />
        <source>Police Station Command Room Desk</source>
        <translation>派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="48" />
        <source>Your staff number</source>
        <translation>请输入工号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="53" />
        <source>Password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="58" />
        <source>&amp;Station:</source>
        <translation>派出所(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="61" />
        <source>Staff &amp;number:</source>
        <translation>工号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="62" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="72" />
        <source>This is an internal public security system for authorised personnel only. Log-ins and all actions are recorded and audited.</source>
        <translation>本系统为公安内部工作系统，仅限授权人员使用。登录及所有操作均被记录审计。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="81" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="83" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="63" />
        <source>StationDesk — {station}</source>
        <translation>派出所综合指挥室工作台 — {station}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="63" />
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="76" />
        <source>{title} (Ctrl+{number})</source>
        <translation>{title}（Ctrl+{number}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="99" />
        <source>Today's Briefing</source>
        <translation>今日晨会</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="100" />
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="101" />
        <source>Work Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="102" />
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="103" />
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="104" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="129" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="130" />
        <source>Command-room chief</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="131" />
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="132" />
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="133" />
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="134" />
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="147" />
        <source>Database: {backend} {name}</source>
        <translation>数据库：{backend} {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="152" />
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="154" />
        <source>User: {name} ({number}, {roles})</source>
        <translation>当前用户：{name}（{number}，{roles}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="170" />
        <source>Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="170" />
        <source>Disconnected</source>
        <translation>● 连接已断开</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <location filename="../../desktop/views/placeholder_panel.py" line="18" />
        <source>This feature is not available yet.</source>
        <translation>本功能尚未开放，将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../desktop/app.py" line="97" />
        <source>StationDesk</source>
        <translation>派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="104" />
        <source>Sorry, something went wrong. Your work so far has been kept.</source>
        <translation>抱歉，程序遇到了意外错误。已输入的内容均已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="108" />
        <source>Reference: {reference}. The details have been written to the log file:</source>
        <translation>参考编号：{reference}。详细信息已写入日志文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="206" />
        <source>Demo station</source>
        <translation>演示派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="207" />
        <source>Creating the demo station database…</source>
        <translation>正在生成演示派出所数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="276" />
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="277" />
        <source>StationDesk cannot open the database:
{reason}

Database: {url}</source>
        <translation>无法打开数据库：
{reason}

数据库：{url}</translation>
    </message>
</context>
</TS>
