<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="356"/>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="357"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="385"/>
        <source>(anyone in the unit)</source>
        <translation>（单位内任何人）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="361"/>
        <source>New unit *</source>
        <translation>新承办单位 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="362"/>
        <source>New assignee</source>
        <translation>新承办人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="365"/>
        <source>What was done</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="365"/>
        <source>Why it is returned</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="366"/>
        <source>Reason for cancelling *</source>
        <translation>撤销原因 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="366"/>
        <source>Reminder</source>
        <translation>催办内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="367"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="400"/>
        <source>Please choose the unit to reassign to.</source>
        <translation>请选择转派的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="418"/>
        <source>The action could not be saved (database unreachable?). Your text is kept; try again.</source>
        <translation>操作未能保存（数据库无法连接？）。您填写的内容仍保留，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../desktop/views/admin_screen.py" line="40"/>
        <source>Staff and accounts</source>
        <translation>人员与账号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin_screen.py" line="42"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin_screen.py" line="44"/>
        <source>Data backup</source>
        <translation>数据备份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin_screen.py" line="76"/>
        <source>This part is not available in this version.</source>
        <translation>此版本暂不提供此功能。</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="549"/>
        <source>Correct agreement</source>
        <translation>更正协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="549"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="556"/>
        <source>Main facts</source>
        <translation>主要事实</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="557"/>
        <source>Points in dispute</source>
        <translation>争议事项</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="558"/>
        <source>Agreed terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="559"/>
        <source>Performance</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="560"/>
        <source>Perform by</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="566"/>
        <source>Enter the main facts and the agreed terms</source>
        <translation>请填写主要事实和协议内容</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="62"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="62"/>
        <source>Person</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="62"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="63"/>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="63"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="63"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="64"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="64"/>
        <source>Seq.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="67"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="77"/>
        <location filename="../../desktop/views/audit_viewer.py" line="191"/>
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="80"/>
        <source>Check that no audit entry was changed, deleted or inserted outside the application</source>
        <translation>检查审计日志是否在本程序之外被修改、删除或插入</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="102"/>
        <source>All people</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="110"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="111"/>
        <source>Log-in events</source>
        <translation>登录记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="116"/>
        <source>All records</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="121"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="121"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="121"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="122"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="122"/>
        <source>Dates…</source>
        <translation>自定日期…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="135"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="191"/>
        <source>Checking the audit log…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_viewer.py" line="200"/>
        <source>The audit log is intact: no entry was changed, deleted or inserted.</source>
        <translation>审计日志完整：没有记录被修改、删除或插入。</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="63"/>
        <source>Time</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="63"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="63"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="63"/>
        <source>Verified</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="69"/>
        <location filename="../../desktop/views/backup_panel.py" line="143"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="72"/>
        <location filename="../../desktop/views/backup_panel.py" line="152"/>
        <source>Verify backups</source>
        <translation>校验备份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="73"/>
        <source>Check every backup file for damage</source>
        <translation>逐一检查备份文件是否损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="75"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="77"/>
        <source>Replace the database with the selected backup (StationDesk then restarts)</source>
        <translation>用选中的备份替换当前数据库（之后需重新启动本程序）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="97"/>
        <source>The database is backed up once a day after log-in; the newest {keep} daily backups are kept. Copies made before an upgrade are kept too.</source>
        <translation>每天登录后自动备份一次数据库，保留最近 {keep} 份每日备份；升级前自动生成的备份也会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="99"/>
        <source>Backup folder: {folder}</source>
        <translation>备份文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="104"/>
        <source>A server database is backed up by its administrator with pg_dump (or mariadb-dump); see the server set-up guide (docs/server-setup.md).</source>
        <translation>服务器数据库由其管理员使用 pg_dump（或 mariadb-dump）备份，详见服务器部署说明（docs/server-setup.md）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="120"/>
        <source>Not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="120"/>
        <source>✓ Intact</source>
        <translation>✓ 完好</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="120"/>
        <source>✗ Damaged</source>
        <translation>✗ 已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="122"/>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="122"/>
        <source>Before upgrade</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="144"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="146"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="153"/>
        <source>Checking the backup files…</source>
        <translation>正在校验备份文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="163"/>
        <location filename="../../desktop/views/backup_panel.py" line="173"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="164"/>
        <source>Replace the whole database with the backup of {time}?

Everything entered since then is replaced (a copy of the current database is kept in the backup folder). StationDesk must be restarted afterwards; other desks must not use this database meanwhile.</source>
        <translation>确定用 {time} 的备份替换整个数据库？

此后录入的全部内容都将被替换（当前数据库会在备份文件夹中保留一份副本）。恢复后必须重新启动本程序；恢复期间其他工作台不得使用此数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="173"/>
        <source>Restoring the database…</source>
        <translation>正在恢复数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/backup_panel.py" line="177"/>
        <source>The database was restored from {path}. Close and restart StationDesk now.</source>
        <translation>已从 {path} 恢复数据库。请立即关闭并重新启动本程序。</translation>
    </message>
</context>
<context>
    <name>BriefingScreen</name>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="242"/>
        <location filename="../../desktop/views/briefing_screen.py" line="446"/>
        <source>Briefing</source>
        <translation>晨会</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="243"/>
        <source>History</source>
        <translation>历次晨会</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="263"/>
        <location filename="../../desktop/views/briefing_screen.py" line="408"/>
        <location filename="../../desktop/views/briefing_screen.py" line="617"/>
        <source>Compile</source>
        <translation>汇总生成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="271"/>
        <location filename="../../desktop/views/briefing_screen.py" line="343"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="273"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="288"/>
        <source>Analysis (研判意见)</source>
        <translation>研判意见</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="290"/>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="291"/>
        <location filename="../../desktop/views/briefing_screen.py" line="457"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="295"/>
        <source>Add directive…</source>
        <translation>添加指令…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="297"/>
        <location filename="../../desktop/views/briefing_screen.py" line="494"/>
        <source>Remove directive</source>
        <translation>删除指令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="299"/>
        <location filename="../../desktop/views/briefing_screen.py" line="513"/>
        <location filename="../../desktop/views/briefing_screen.py" line="517"/>
        <source>Issue and sign</source>
        <translation>签发并下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="301"/>
        <source>Addendum…</source>
        <translation>补充记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="303"/>
        <location filename="../../desktop/views/briefing_screen.py" line="557"/>
        <location filename="../../desktop/views/briefing_screen.py" line="566"/>
        <source>Print minutes</source>
        <translation>打印纪要</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="316"/>
        <source>Analysis</source>
        <translation>研判意见</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="320"/>
        <location filename="../../desktop/views/briefing_screen.py" line="344"/>
        <source>Directives</source>
        <translation>工作指令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="343"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="343"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="344"/>
        <source>Open orders</source>
        <translation>未办结工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="381"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>无法连接数据库，未作任何改动，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="481"/>
        <source>Add directive</source>
        <translation>添加指令</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/briefing_screen.py" line="514"/>
        <source>Sign the briefing and issue its %n directive(s) as work orders? It cannot be edited afterwards.</source>
        <translation>
            <numerusform>签发本次晨会并把 %n 条指令下发为工单？签发后不能再修改。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="532"/>
        <location filename="../../desktop/views/briefing_screen.py" line="546"/>
        <source>Addendum</source>
        <translation>补充记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="539"/>
        <source>Correction or addition to the signed minutes</source>
        <translation>对已签发纪要的更正或补充</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="558"/>
        <source>Printing the minutes is not available in this version.</source>
        <translation>此版本暂不能打印纪要。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="571"/>
        <source>Briefing minutes</source>
        <translation>晨会纪要</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="617"/>
        <source>Recompile</source>
        <translation>重新汇总</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="619"/>
        <source>Not compiled</source>
        <translation>尚未汇总</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="656"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="656"/>
        <source>in progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="686"/>
        <source>Choose the kind and day, then Compile.</source>
        <translation>选择类型和日期，然后点击“汇总生成”。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="690"/>
        <source>Repeat calls</source>
        <translation>重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="690"/>
        <source>Cases</source>
        <translation>执法动态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="691"/>
        <source>Warnings</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="691"/>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="692"/>
        <source>Work orders</source>
        <translation>工单情况</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="697"/>
        <source>Incidents</source>
        <translation>警情概况</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="700"/>
        <source>Total: %1; previous period %2 (%3); same period last year %4 (%5)</source>
        <translation>共 %1 起；上期 %2 起（环比 %3）；去年同期 %4 起（同比 %5）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="710"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="710"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="710"/>
        <source>Previous</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="710"/>
        <source>Change</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="711"/>
        <source>Last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="711"/>
        <source>Change vs last year</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="730"/>
        <source>Notable incidents (double-click to open):</source>
        <translation>重点警情（双击打开）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="763"/>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="772"/>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>BriefingTexts</name>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="95"/>
        <source>Daily briefing</source>
        <translation>每日晨会</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="95"/>
        <source>Weekly analysis</source>
        <translation>周分析</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="96"/>
        <source>Monthly review</source>
        <translation>月会商</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="100"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="100"/>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="104"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="104"/>
        <source>High</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="104"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="105"/>
        <source>Long term</source>
        <translation>长期</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="481"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="481"/>
        <source>Pause clock…</source>
        <translation>暂停计时…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="481"/>
        <source>Resume clock…</source>
        <translation>恢复计时…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="482"/>
        <source>Extend…</source>
        <translation>延长…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="482"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="492"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="492"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="492"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="493"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="493"/>
        <source>Accepted</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="493"/>
        <source>Officer</source>
        <translation>办案民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="494"/>
        <source>Unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="494"/>
        <location filename="../../desktop/views/cases_screen.py" line="526"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="494"/>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="504"/>
        <source>Clock events</source>
        <translation>计时记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="528"/>
        <source>No deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="530"/>
        <source>{days} days overdue</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="531"/>
        <source>{days} days left</source>
        <translation>剩余 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="542"/>
        <source>No case selected</source>
        <translation>未选择案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="552"/>
        <source>Due date: stopped (paused since {day})</source>
        <translation>办案期限：已暂停计时（自 {day} 起）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="555"/>
        <source>Due date: {day}</source>
        <translation>办案期限：{day}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="558"/>
        <source>extended</source>
        <translation>已延长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="572"/>
        <source>approved by {who}</source>
        <translation>批准人：{who}</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="199"/>
        <source>Edit case</source>
        <translation>修改案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="199"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="210"/>
        <source>e.g. theft, fighting</source>
        <translation>如 盗窃、殴打他人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="218"/>
        <location filename="../../desktop/views/case_dialogs.py" line="219"/>
        <location filename="../../desktop/views/case_dialogs.py" line="220"/>
        <location filename="../../desktop/views/case_dialogs.py" line="282"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="229"/>
        <source>Case number *</source>
        <translation>案件编号 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="229"/>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="229"/>
        <source>Case name *</source>
        <translation>案件名称 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="230"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="230"/>
        <source>Stage (criminal)</source>
        <translation>阶段（刑事）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="230"/>
        <source>Accepted *</source>
        <translation>受理时间 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="231"/>
        <source>Unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="231"/>
        <source>Officer</source>
        <translation>办案民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="231"/>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="233"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="278"/>
        <source>The colleague&apos;s version is loaded; your changes were discarded.</source>
        <translation>已载入同事保存的版本，您的修改已放弃。</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="197"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="197"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="197"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="198"/>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="198"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="198"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="199"/>
        <source>Accepted</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="199"/>
        <source>Due date</source>
        <translation>办案期限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="199"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="200"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="200"/>
        <source>Officer</source>
        <translation>办案民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="200"/>
        <source>Unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="203"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="209"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="210"/>
        <source>Register a new case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="238"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="239"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="240"/>
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="241"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="242"/>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="245"/>
        <source>Due: any time</source>
        <translation>期限：全部</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="246"/>
        <source>Due within </source>
        <translation>到期天数 </translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="247"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="248"/>
        <source>Open cases due within this many days (overdue ones included)</source>
        <translation>这么多天内到期的未结案件（含已超期）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="250"/>
        <source>Overdue only</source>
        <translation>仅超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="254"/>
        <source>Accepted: any time</source>
        <translation>受理时间：全部</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="254"/>
        <source>Accepted in the last 7 days</source>
        <translation>近 7 天受理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="255"/>
        <source>Accepted in the last 30 days</source>
        <translation>近 30 天受理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="256"/>
        <source>Accepted this month</source>
        <translation>本月受理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="256"/>
        <source>Accepted between…</source>
        <translation>受理日期…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="268"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="363"/>
        <source>The case could not be read from the database.</source>
        <translation>无法从数据库读取这起案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="418"/>
        <location filename="../../desktop/views/cases_screen.py" line="426"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="419"/>
        <source>Close case {number}? Its clock stops.</source>
        <translation>确定将案件 {number} 结案？结案后停止计时。</translation>
    </message>
</context>
<context>
    <name>CaseTexts</name>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="55"/>
        <source>Criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="55"/>
        <source>Administrative</source>
        <translation>行政</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="59"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="59"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="60"/>
        <source>Extended</source>
        <translation>已延长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="60"/>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="61"/>
        <location filename="../../desktop/views/case_dialogs.py" line="96"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="61"/>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="65"/>
        <source>Clock running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="65"/>
        <location filename="../../desktop/views/case_dialogs.py" line="70"/>
        <source>Clock paused</source>
        <translation>计时暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="66"/>
        <source>Case closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="70"/>
        <source>Clock resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="71"/>
        <source>Extension approved</source>
        <translation>批准延长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="75"/>
        <source>Pause clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="75"/>
        <source>Resume clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="76"/>
        <source>Extend deadline</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="80"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="80"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="84"/>
        <source>Anti-fraud</source>
        <translation>反诈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="84"/>
        <source>Stability</source>
        <translation>涉稳</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="85"/>
        <source>Public order</source>
        <translation>治安</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="85"/>
        <source>Safety hazard</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="86"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="90"/>
        <source>Pushed by HQ</source>
        <translation>上级推送</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="90"/>
        <source>Own analysis</source>
        <translation>自主研判</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="91"/>
        <source>Other department</source>
        <translation>其他部门</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="95"/>
        <source>To handle</source>
        <translation>待处置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="95"/>
        <source>Order issued</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="96"/>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="100"/>
        <source>Reached</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="100"/>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="101"/>
        <source>Dissuaded</source>
        <translation>劝阻成功</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="101"/>
        <source>Lost money</source>
        <translation>已被骗</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="94"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="95"/>
        <source>Warnings</source>
        <translation>预警信息</translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="230"/>
        <source>{name}: {count} incidents</source>
        <translation>{name}：{count} 起</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="231"/>
        <source>{name}: {count} incidents — click to list them</source>
        <translation>{name}：{count} 起 — 点击查看明细</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="190"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="191"/>
        <source>Your password was set by an administrator. Choose a new one to continue.</source>
        <translation>您的密码由管理员设置，请设置新密码后继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="197"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="198"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="199"/>
        <source>Repeat it</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="212"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChartExportDialog</name>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="915"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="920"/>
        <source>PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="921"/>
        <source>SVG drawing (scalable)</source>
        <translation>SVG 矢量图（可缩放）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="923"/>
        <source>Pictures (*.png *.svg)</source>
        <translation>图片 (*.png *.svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="929"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="930"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="931"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ClockDialog</name>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="347"/>
        <source>The approving organ and person</source>
        <translation>批准机关和批准人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="349"/>
        <source>Reason (e.g. expert appraisal) *</source>
        <translation>原因（如鉴定）*</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="349"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="350"/>
        <source>Reason for the extension *</source>
        <translation>延长理由 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="351"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="351"/>
        <source>Approved by *</source>
        <translation>批准人 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="352"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="356"/>
        <source>{article} (+{days} days)</source>
        <translation>{article}（延长 {days} 日）</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="118"/>
        <source>Changed by a colleague</source>
        <translation>记录已被同事修改</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="127"/>
        <source>a colleague</source>
        <translation>其他同事</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="129"/>
        <source>This record was saved by %1 at %2 after you opened it. Nothing of yours was saved yet. Choose, field by field, which value to keep.</source>
        <translation>您打开这条记录后，%1 于 %2 保存了修改。您的内容尚未保存。请逐项选择要保留的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="137"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="137"/>
        <location filename="../../desktop/views/conflict_dialog.py" line="159"/>
        <source>Yours</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="137"/>
        <location filename="../../desktop/views/conflict_dialog.py" line="160"/>
        <source>Colleague&apos;s</source>
        <translation>同事的</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="138"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="175"/>
        <source>Save my choices</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="177"/>
        <source>Discard mine, load colleague&apos;s</source>
        <translation>放弃我的修改，载入同事的版本</translation>
    </message>
    <message>
        <location filename="../../desktop/views/conflict_dialog.py" line="180"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="153"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="163"/>
        <source>The database connection was lost: {reason}. Retrying… (saved data is not affected; unsaved input is kept)</source>
        <translation>数据库连接已断开：{reason}。正在重试…（已保存的数据不受影响，未保存的内容仍保留）</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="114"/>
        <source>Add directive</source>
        <translation>添加指令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="117"/>
        <source>What is to be done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="119"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="119"/>
        <source>Person</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="121"/>
        <source>Add unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="123"/>
        <source>Remove unit</source>
        <translation>删除单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="145"/>
        <source>Directive</source>
        <translation>指令内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="146"/>
        <source>Units</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="148"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="149"/>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="161"/>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="178"/>
        <source>(anyone)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="212"/>
        <source>Write the directive.</source>
        <translation>请填写指令内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/briefing_screen.py" line="214"/>
        <source>Choose at least one unit.</source>
        <translation>请至少选择一个承办单位。</translation>
    </message>
</context>
<context>
    <name>DisputeDetailPanel</name>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="471"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="471"/>
        <source>Session…</source>
        <translation>调解…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="471"/>
        <source>Agreement…</source>
        <translation>调解协议…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="472"/>
        <source>Sign</source>
        <translation>签订</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="472"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="472"/>
        <source>Print agreement</source>
        <translation>打印协议书</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="473"/>
        <source>Follow-up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="473"/>
        <source>Transfer…</source>
        <translation>流转…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="474"/>
        <source>Transfer outcome…</source>
        <translation>流转结果…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="474"/>
        <source>Start mediation</source>
        <translation>开始调解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="475"/>
        <source>Resolved…</source>
        <translation>已化解…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="475"/>
        <source>Failed…</source>
        <translation>调解不成…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="487"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="487"/>
        <source>Cause</source>
        <translation>诱因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="487"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="488"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="488"/>
        <source>Nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="488"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="489"/>
        <source>Composition</source>
        <translation>人员构成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="489"/>
        <source>Progression</source>
        <translation>事态发展</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="490"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="490"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="505"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="505"/>
        <source>Sessions</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="506"/>
        <source>Agreements</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="506"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="507"/>
        <source>Transfers</source>
        <translation>流转</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="507"/>
        <source>Linked incidents and orders</source>
        <translation>关联警情和工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="530"/>
        <source>No dispute selected</source>
        <translation>未选择纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="539"/>
        <source>(criminal risk)</source>
        <translation>（民转刑风险）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="558"/>
        <source>remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="567"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="567"/>
        <source>signed, locked</source>
        <translation>已签订（锁定）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="568"/>
        <source>superseded</source>
        <translation>已被更正</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="569"/>
        <source>{label} ({status})</source>
        <translation>{label}（{status}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="577"/>
        <source>Due {day}</source>
        <translation>应于 {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="588"/>
        <source>awaiting outcome</source>
        <translation>待反馈结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="593"/>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="594"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="339"/>
        <source>Edit dispute</source>
        <translation>修改纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="339"/>
        <source>Register dispute</source>
        <translation>登记纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="355"/>
        <source>At risk of turning criminal</source>
        <translation>存在民转刑风险</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="363"/>
        <source>Cause</source>
        <translation>诱因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="364"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="365"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="366"/>
        <source>Nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="367"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="368"/>
        <source>Composition</source>
        <translation>人员构成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="369"/>
        <source>Progression</source>
        <translation>事态发展</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="370"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="371"/>
        <source>Risk reasons</source>
        <translation>风险原因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="373"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="388"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="388"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="388"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="392"/>
        <source>Add person</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="395"/>
        <source>Name, ID number or phone of a known person</source>
        <translation>已登记人员的姓名、身份证号或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="396"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="399"/>
        <source>Add found person</source>
        <translation>添加找到的人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="402"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="463"/>
        <source>Enter the cause of the dispute</source>
        <translation>请填写纠纷诱因</translation>
    </message>
</context>
<context>
    <name>DisputeTexts</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="59"/>
        <source>Marriage and family</source>
        <translation>婚恋家庭</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="59"/>
        <source>Neighbours</source>
        <translation>邻里</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="60"/>
        <source>Land and forest</source>
        <translation>土地山林</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="60"/>
        <source>Labour and wages</source>
        <translation>劳资</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="61"/>
        <source>Debts</source>
        <translation>经济债务</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="61"/>
        <source>Property management</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="62"/>
        <source>Doctor and patient</source>
        <translation>医患</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="62"/>
        <source>Traffic accident</source>
        <translation>交通事故</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="63"/>
        <location filename="../../desktop/views/dispute_dialogs.py" line="78"/>
        <location filename="../../desktop/views/dispute_dialogs.py" line="84"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="67"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="67"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="67"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="68"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="72"/>
        <source>Registered</source>
        <translation>排查登记</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="72"/>
        <source>Mediating</source>
        <translation>调解中</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="73"/>
        <location filename="../../desktop/views/dispute_dialogs.py" line="103"/>
        <source>Resolved</source>
        <translation>已化解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="73"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="74"/>
        <source>Transferred</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="78"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="78"/>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="82"/>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="82"/>
        <source>People&apos;s mediator</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="83"/>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="83"/>
        <source>Comprehensive governance officer</source>
        <translation>综治专干</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="84"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="88"/>
        <source>No agreement</source>
        <translation>未达成协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="88"/>
        <source>Partial agreement</source>
        <translation>部分达成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="89"/>
        <source>Agreement reached</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="93"/>
        <source>Honoured</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="93"/>
        <source>Partly honoured</source>
        <translation>部分履行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="93"/>
        <source>Not honoured</source>
        <translation>未履行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="94"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="98"/>
        <source>To the mediation centre</source>
        <translation>移交矛调中心</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="98"/>
        <source>To the police station</source>
        <translation>移交派出所依法处理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="99"/>
        <source>To court</source>
        <translation>诉讼</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="103"/>
        <source>Unresolved</source>
        <translation>未化解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="104"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>DisputesScreen</name>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="110"/>
        <source>Number</source>
        <translation>纠纷编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="110"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="110"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="111"/>
        <source>Cause</source>
        <translation>诱因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="111"/>
        <source>Nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="111"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="112"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="112"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="113"/>
        <source>Criminal risk</source>
        <translation>民转刑风险</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="113"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="113"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="114"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="114"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="114"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="117"/>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="124"/>
        <source>Register…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="172"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="173"/>
        <source>All natures</source>
        <translation>全部性质</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="174"/>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="176"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="177"/>
        <source>Registered between</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="190"/>
        <source>Criminal risk only</source>
        <translation>仅民转刑风险</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="244"/>
        <source>The database could not be reached. Try again.</source>
        <translation>无法连接数据库，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="310"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>无法连接数据库，未作任何改动，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="366"/>
        <location filename="../../desktop/views/disputes_screen.py" line="370"/>
        <source>Sign agreement</source>
        <translation>签订协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="367"/>
        <source>Record that every party and the mediator have signed? The agreement is then locked.</source>
        <translation>确认各方当事人和调解员均已签名？签订后协议将被锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="429"/>
        <location filename="../../desktop/views/disputes_screen.py" line="439"/>
        <source>Print agreement</source>
        <translation>打印协议书</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="430"/>
        <source>Agreement documents are not available yet.</source>
        <translation>协议书打印暂不可用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/disputes_screen.py" line="441"/>
        <source>Mediation agreement</source>
        <translation>人民调解协议书</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="28"/>
        <source>StationDesk — First run</source>
        <translation>派出所综合指挥室工作台 — 首次使用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="31"/>
        <source>Create the administrator</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="34"/>
        <source>This database has no accounts yet. Enter the station and the administrator who will set up the other accounts.</source>
        <translation>此数据库还没有任何账号。请填写本派出所信息和管理员信息，由管理员再为其他人员建立账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="43"/>
        <source>Letters or digits, e.g. DS</source>
        <translation>字母或数字，例如 DS</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="52"/>
        <source>At least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="65"/>
        <source>Station &amp;code:</source>
        <translation>派出所代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="66"/>
        <source>Station n&amp;ame:</source>
        <translation>派出所名称(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="67"/>
        <source>Staff &amp;number:</source>
        <translation>工号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="68"/>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="69"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="70"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="75"/>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="77"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_admin_dialog.py" line="88"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="26"/>
        <source>StationDesk — Welcome</source>
        <translation>派出所综合指挥室工作台 — 欢迎</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="29"/>
        <source>Welcome to StationDesk</source>
        <translation>欢迎使用派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="30"/>
        <source>No database has been set up on this computer yet. How do you want to begin?</source>
        <translation>本机尚未设置数据库。请选择首次运行的方式：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="34"/>
        <source>New station</source>
        <translation>新建派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="35"/>
        <source>Create the station&apos;s database on this computer and its first administrator.</source>
        <translation>在本机创建派出所数据库及第一个管理员账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="39"/>
        <source>Connect to the station&apos;s server</source>
        <translation>连接派出所服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="40"/>
        <source>Several desks share one PostgreSQL or MySQL server: enter its address.</source>
        <translation>多个工作台共用一台 PostgreSQL 或 MySQL 服务器：请填写服务器地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="44"/>
        <source>Open the demo station</source>
        <translation>打开演示派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="45"/>
        <source>Three years of made-up data to try StationDesk out. Never use it for real work.</source>
        <translation>含三年虚构的演示数据，供试用本程序。切勿用于实际工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="55"/>
        <source>Where your data lives:
Database: {database}
Backups (made before every upgrade): {backups}
Log files: {logs}
Uninstalling StationDesk keeps this folder.</source>
        <translation>数据存放位置：
数据库：{database}
备份（每次升级前生成）：{backups}
日志文件：{logs}
卸载本程序时会保留此文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run_dialog.py" line="65"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="578"/>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="582"/>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="586"/>
        <source>Visited on</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="587"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="588"/>
        <source>New risk</source>
        <translation>新的风险</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="589"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>HeatMapChart</name>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="256"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="256"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="256"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="256"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="256"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="256"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="257"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="277"/>
        <source>{weekday} {hour}:00–{hour}:59: {count} incidents — click to list the period&apos;s incidents (the list cannot filter by hour)</source>
        <translation>星期{weekday} {hour}:00–{hour}:59：{count} 起 — 点击查看本时段内的警情（列表不能按小时筛选）</translation>
    </message>
</context>
<context>
    <name>HqExportDialog</name>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="954"/>
        <source>HQ workbook</source>
        <translation>上报分局工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="956"/>
        <source>(standard layout)</source>
        <translation>（标准格式）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="959"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="964"/>
        <source>Export profile</source>
        <translation>导出方案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="965"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="120"/>
        <source>Import incidents</source>
        <translation>导入警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="129"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="130"/>
        <location filename="../../desktop/views/import_wizard.py" line="316"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="132"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="133"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="155"/>
        <source>Choose the incident list exported from the 110 dispatch system (Excel or CSV). Nothing is written until you confirm the import on the next page.</source>
        <translation>请选择从 110 接处警系统导出的警情明细表（Excel 或 CSV）。在下一页确认导入之前，不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="160"/>
        <source>Path of the exported file</source>
        <translation>导出文件的路径</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="162"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="173"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="176"/>
        <source>Column &amp;profile:</source>
        <translation>列对应方案(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="182"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="210"/>
        <source>* required</source>
        <translation>* 为必填</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="211"/>
        <source>&amp;Save as profile…</source>
        <translation>另存为方案(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="225"/>
        <source>Preview of the first {count} data rows (cells in red will be rejected or need review; hover for the reason):</source>
        <translation>前 {count} 行数据预览（红色单元格将被拒绝或需要复核，鼠标悬停可查看原因）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="247"/>
        <source>Check the columns</source>
        <translation>核对列对应</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="262"/>
        <source>Rows read:</source>
        <translation>读取行数：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="263"/>
        <source>Imported:</source>
        <translation>新增导入：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="264"/>
        <source>Already present (skipped):</source>
        <translation>已存在（跳过）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="265"/>
        <source>Duplicates in the file (skipped):</source>
        <translation>文件内重复（跳过）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="266"/>
        <source>Conflicts (the stored incident was kept):</source>
        <translation>编号冲突（保留原有记录）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="267"/>
        <source>Rejected:</source>
        <translation>拒绝导入：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="268"/>
        <source>Imported, need review:</source>
        <translation>已导入、需复核：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="278"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="278"/>
        <location filename="../../desktop/views/import_wizard.py" line="507"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="278"/>
        <source>Incident number</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="278"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="284"/>
        <source>Save &amp;rejected rows…</source>
        <translation>保存未导入的行(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="296"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="300"/>
        <source>Rows not imported or to review:</source>
        <translation>未导入或需复核的行：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="316"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="353"/>
        <source>Choose the exported incident list</source>
        <translation>选择导出的警情明细表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="354"/>
        <source>Incident exports ({patterns});;All files (*)</source>
        <translation>警情导出文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="364"/>
        <source>(none: recognise the columns by their names)</source>
        <translation>（不使用方案：按列名自动识别）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="379"/>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="391"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="399"/>
        <source>The file could not be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="410"/>
        <source>The saved profile “{name}” fits the columns of this file and was applied.</source>
        <translation>已保存的方案“{name}”与本文件的列相符，已自动套用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="418"/>
        <source>{file}: header on row {row}, {count} data rows</source>
        <translation>{file}：表头在第 {row} 行，共 {count} 行数据</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="441"/>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="444"/>
        <source>{letter}: (no name)</source>
        <translation>{letter}：（无列名）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="488"/>
        <location filename="../../desktop/views/import_wizard.py" line="582"/>
        <source>Choose a column for the required fields: {fields}</source>
        <translation>请为必填项选择列：{fields}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="498"/>
        <source>The preview failed: {error}</source>
        <translation>预览失败：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="507"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="512"/>
        <location filename="../../desktop/views/import_wizard.py" line="620"/>
        <source>Rejected</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="516"/>
        <location filename="../../desktop/views/import_wizard.py" line="622"/>
        <source>Review</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="518"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="545"/>
        <source>Save as profile</source>
        <translation>另存为方案</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="546"/>
        <source>Name of the column profile (e.g. the dispatch system):</source>
        <translation>列对应方案的名称（例如接处警系统的版本）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="568"/>
        <source>Saved the column profile “{name}”.</source>
        <translation>已保存列对应方案“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="593"/>
        <source>Importing incidents…</source>
        <translation>正在导入警情…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="595"/>
        <source>The import was cancelled. Nothing was changed in the database.</source>
        <translation>导入已取消，数据库未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="604"/>
        <source>The import failed and nothing was changed in the database: {error}</source>
        <translation>导入失败，数据库未作任何改动：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="614"/>
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="617"/>
        <source>Repeat-call clusters: {created} new, {updated} updated.</source>
        <translation>重复警情：新增 {created} 组，更新 {updated} 组。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="621"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="625"/>
        <source>Showing the first {shown} of {total} rows.</source>
        <translation>仅显示前 {shown} 行（共 {total} 行）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="646"/>
        <source>{name} - not imported.xlsx</source>
        <translation>{name} - 未导入.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="647"/>
        <source>Save rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="648"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="663"/>
        <source>Saving the rejected rows…</source>
        <translation>正在保存未导入的行…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="670"/>
        <source>The file could not be saved: {error}</source>
        <translation>文件无法保存：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_wizard.py" line="673"/>
        <source>Saved {count} rows to {file}.</source>
        <translation>已将 {count} 行保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="467"/>
        <location filename="../../desktop/views/incidents_screen.py" line="518"/>
        <source>No incident selected</source>
        <translation>未选择警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="473"/>
        <source>Number</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="473"/>
        <source>Reported</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="473"/>
        <source>Type</source>
        <translation>警情类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="474"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="474"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="474"/>
        <source>Address</source>
        <translation>发案地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="475"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="475"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="475"/>
        <source>Unit</source>
        <translation>处警单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="476"/>
        <source>Officer</source>
        <translation>处警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="476"/>
        <source>Summary</source>
        <translation>简要警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="476"/>
        <source>Disposal</source>
        <translation>处警结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="477"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="486"/>
        <source>Repeat-call clusters</source>
        <translation>所属重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="490"/>
        <source>Show cluster</source>
        <translation>查看重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="506"/>
        <source>Same caller</source>
        <translation>一人多报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="506"/>
        <source>Same place</source>
        <translation>一地多报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="507"/>
        <source>Same event</source>
        <translation>多人同报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="514"/>
        <source>Work orders: {orders}</source>
        <translation>工单：{orders}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="524"/>
        <source>Incident {number}</source>
        <translation>警情 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="525"/>
        <source>{raw} (invalid)</source>
        <translation>{raw}（无效）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="527"/>
        <source>Imported from {file}, row {row}</source>
        <translation>导入自 {file} 第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="528"/>
        <source>Typed in</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="538"/>
        <source>(invalid)</source>
        <translation>（无效）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="542"/>
        <source>{kind}: {count} calls, {first} – {last}</source>
        <translation>{kind}：{count} 起，{first} – {last}</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="50"/>
        <source>Edit incident</source>
        <translation>修改警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="50"/>
        <source>New incident</source>
        <translation>新增警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="55"/>
        <source>e.g. 2025-03-05 14:07</source>
        <translation>如 2025-03-05 14:07</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="77"/>
        <source>Number *</source>
        <translation>警情编号 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="77"/>
        <source>Reported at *</source>
        <translation>报警时间 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="77"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="78"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="78"/>
        <source>Address</source>
        <translation>发案地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="78"/>
        <source>Type</source>
        <translation>警情类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="79"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="79"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="79"/>
        <source>Summary</source>
        <translation>简要警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="80"/>
        <source>Responding unit</source>
        <translation>处警单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="80"/>
        <source>Responding officer</source>
        <translation>处警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="81"/>
        <source>Disposal</source>
        <translation>处警结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="113"/>
        <location filename="../../desktop/views/incident_form.py" line="123"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="203"/>
        <source>The colleague&apos;s version is loaded; your changes were discarded.</source>
        <translation>已载入同事保存的版本，您的修改已放弃。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_form.py" line="244"/>
        <source>The incident could not be saved (database unreachable?). Your input is kept; try again.</source>
        <translation>警情未能保存（数据库无法连接？）。您填写的内容仍保留，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="121"/>
        <source>Number</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="121"/>
        <source>Reported</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="121"/>
        <source>Type</source>
        <translation>警情类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="122"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="122"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="122"/>
        <source>Address</source>
        <translation>发案地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="123"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="123"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="123"/>
        <source>Unit</source>
        <translation>处警单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="124"/>
        <source>Officer</source>
        <translation>处警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="124"/>
        <source>Summary</source>
        <translation>简要警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="124"/>
        <source>Disposal</source>
        <translation>处警结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="125"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="125"/>
        <source>Repeat call</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="128"/>
        <source>Incidents</source>
        <translation>警情列表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="134"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="136"/>
        <source>Import a 110 dispatch export (.xlsx or .csv)</source>
        <translation>导入 110 接处警系统导出的警情（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="138"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="139"/>
        <source>Type in an incident by hand</source>
        <translation>手工录入一条警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="141"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="143"/>
        <source>Work order…</source>
        <translation>下发工单…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="145"/>
        <source>Issue a work order for the selected incident</source>
        <translation>为选中的警情下发工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="154"/>
        <source>Your role may not import or edit incidents</source>
        <translation>您的角色无权导入或修改警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="187"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="187"/>
        <source>Current duty day</source>
        <translation>当前值班日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="188"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="188"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="189"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="189"/>
        <source>Dates…</source>
        <translation>自定日期…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="199"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="200"/>
        <location filename="../../desktop/views/incidents_screen.py" line="247"/>
        <location filename="../../desktop/views/incidents_screen.py" line="308"/>
        <location filename="../../desktop/views/incidents_screen.py" line="336"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="201"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="202"/>
        <location filename="../../desktop/views/incidents_screen.py" line="253"/>
        <location filename="../../desktop/views/incidents_screen.py" line="309"/>
        <location filename="../../desktop/views/incidents_screen.py" line="340"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="203"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="209"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="348"/>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="384"/>
        <source>Incident {number}</source>
        <translation>警情 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="401"/>
        <source>The incident could not be read from the database.</source>
        <translation>无法从数据库读取这条警情。</translation>
    </message>
</context>
<context>
    <name>IncidentsScreen</name>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="65"/>
        <source>Incident list</source>
        <translation>警情列表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incidents_screen.py" line="67"/>
        <location filename="../../desktop/views/incidents_screen.py" line="79"/>
        <source>Repeat calls</source>
        <translation>重复警情</translation>
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
    <name>KeyFigureCard</name>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="130"/>
        <source>YoY {pct} (last year {base})</source>
        <translation>同比 {pct}（去年同期 {base}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="131"/>
        <source>MoM {pct} (previous {base})</source>
        <translation>环比 {pct}（上期 {base}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="132"/>
        <source>vs 3-year average {pct} (average {base})</source>
        <translation>较前3年平均 {pct}（平均 {base}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="141"/>
        <source>{numerator:,} of {denominator:,}</source>
        <translation>{numerator:,} / {denominator:,}</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="106"/>
        <source>Search… (Ctrl+F)</source>
        <translation>搜索…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="118"/>
        <location filename="../../desktop/views/list_panel.py" line="486"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="119"/>
        <source>Export the rows shown to an Excel workbook</source>
        <translation>将列表导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="121"/>
        <location filename="../../desktop/views/list_panel.py" line="500"/>
        <location filename="../../desktop/views/list_panel.py" line="509"/>
        <location filename="../../desktop/views/list_panel.py" line="514"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="122"/>
        <source>Print the rows shown</source>
        <translation>打印当前列表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="327"/>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="461"/>
        <source>The list cannot be read now (database unavailable).</source>
        <translation>暂时无法读取列表（数据库不可用）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="465"/>
        <source>{count} rows</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="479"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="480"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="486"/>
        <source>Exporting {title}…</source>
        <translation>正在导出{title}…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="489"/>
        <source>{count} rows exported to {path}</source>
        <translation>已导出 {count} 条到 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="498"/>
        <source>Printed {time}</source>
        <translation>打印时间：{time}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="500"/>
        <source>Preparing {title} for printing…</source>
        <translation>正在准备打印{title}…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="510"/>
        <source>There are too many rows to print ({count}; at most {limit}). Narrow the filter, or export the list to Excel.</source>
        <translation>行数过多（{count} 条，最多 {limit} 条），无法打印。请缩小筛选范围，或导出为 Excel。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="514"/>
        <source>The list is empty: there is nothing to print.</source>
        <translation>列表为空，没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/list_panel.py" line="541"/>
        <source>The file could not be written: {error}</source>
        <translation>文件无法写入：{error}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="34"/>
        <source>StationDesk — Log in</source>
        <translation>派出所综合指挥室工作台 — 登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="37"/>
        <source>Police Station Command Room Desk</source>
        <translation>派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="45"/>
        <source>Your staff number</source>
        <translation>请输入工号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="50"/>
        <source>Password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="55"/>
        <source>&amp;Station:</source>
        <translation>派出所(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="58"/>
        <source>Staff &amp;number:</source>
        <translation>工号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="59"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="65"/>
        <source>This is an internal public security system for authorised personnel only. Log-ins and all actions are recorded and audited.</source>
        <translation>本系统为公安内部工作系统，仅限授权人员使用。登录及所有操作均被记录审计。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="74"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="76"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="208"/>
        <source>StationDesk — {station}</source>
        <translation>派出所综合指挥室工作台 — {station}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="208"/>
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="221"/>
        <source>{title} (Ctrl+{number})</source>
        <translation>{title}（Ctrl+{number}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="257"/>
        <source>Today&apos;s Briefing</source>
        <translation>今日晨会</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="258"/>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="259"/>
        <source>Work Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="260"/>
        <source>Cases &amp; Warnings</source>
        <translation>执法与预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="261"/>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="262"/>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="263"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="264"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="334"/>
        <source>A new database is used after StationDesk is restarted.</source>
        <translation>更换数据库后需重新启动本程序才会生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="336"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="356"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="373"/>
        <source>StationDesk</source>
        <translation>综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="374"/>
        <source>This screen could not be opened; details are in the log file.</source>
        <translation>无法打开此页面，详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="382"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="383"/>
        <source>Command-room chief</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="384"/>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="385"/>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="386"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="387"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="400"/>
        <source>Database: {backend} {name}</source>
        <translation>数据库：{backend} {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="405"/>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="407"/>
        <source>User: {name} ({number}, {roles})</source>
        <translation>当前用户：{name}（{number}，{roles}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="423"/>
        <source>Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="423"/>
        <source>Disconnected</source>
        <translation>● 连接已断开</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="448"/>
        <source>Database connection restored.</source>
        <translation>数据库连接已恢复。</translation>
    </message>
</context>
<context>
    <name>MyDeskPanel</name>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="54"/>
        <source>To accept</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="54"/>
        <source>To report back</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="55"/>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="55"/>
        <source>Overdue orders I track</source>
        <translation>我跟踪的超期工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="73"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="74"/>
        <source>Read the lists again now (they refresh every minute)</source>
        <translation>立即刷新（每分钟自动刷新）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="77"/>
        <source>Work orders waiting for {name}</source>
        <translation>等待{name}处理的工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="114"/>
        <source>Could not be read (database unavailable)</source>
        <translation>无法读取（数据库不可用）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="119"/>
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="120"/>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="129"/>
        <source>{number}  {title}
{status} · due {deadline} · {who}</source>
        <translation>{number}  {title}
{status} · 时限 {deadline} · {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="135"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/my_desk.py" line="140"/>
        <source>Nothing here</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="158"/>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="165"/>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="166"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="234"/>
        <source>(anyone in the unit)</source>
        <translation>（单位内任何人）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="167"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="168"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="177"/>
        <source>HQ document or reference number</source>
        <translation>上级文件或交办编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="187"/>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="187"/>
        <source>Instructions</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="187"/>
        <source>Unit *</source>
        <translation>承办单位 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="188"/>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="188"/>
        <source>Tracker</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="188"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="189"/>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="189"/>
        <source>HQ reference</source>
        <translation>交办编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="194"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="197"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="211"/>
        <source>Issue</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="288"/>
        <source>Please enter a title.</source>
        <translation>请填写标题。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="291"/>
        <source>Please choose the unit that does the work.</source>
        <translation>请选择承办单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="310"/>
        <source>The work order could not be saved (database unreachable?). Your input is kept; try again.</source>
        <translation>工单未能保存（数据库无法连接？）。您填写的内容仍保留，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="507"/>
        <source>Record outcome</source>
        <translation>登记处置结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="511"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="516"/>
        <source>Outcome *</source>
        <translation>处置结果 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="516"/>
        <source>What was done</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="516"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="528"/>
        <source>Please choose the outcome.</source>
        <translation>请选择处置结果。</translation>
    </message>
</context>
<context>
    <name>PartyForm</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="251"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="252"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="270"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="271"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="272"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="273"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="274"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="275"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="295"/>
        <source>ID number checked</source>
        <translation>身份证号校验通过</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="310"/>
        <source>Not a valid mobile or landline number</source>
        <translation>不是有效的手机或固定电话号码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="315"/>
        <source>Enter the person&apos;s name</source>
        <translation>请填写姓名</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="146"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="147"/>
        <source>Temporary password for {name} ({number}). They must change it at the next log-in; a lock-out is lifted too.</source>
        <translation>为 {name}（{number}）设置临时密码。该人员下次登录时必须修改密码；账号锁定也将一并解除。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="155"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="156"/>
        <source>Repeat it</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="169"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
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
    <name>RepeatsPanel</name>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="57"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="70"/>
        <source>Detect again</source>
        <translation>重新识别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="71"/>
        <source>Recompute the clusters of this period with the current rules</source>
        <translation>按当前规则重新识别这段时间的重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="74"/>
        <source>Work order…</source>
        <translation>下发工单…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="75"/>
        <source>Issue one work order for the selected cluster and all its incidents</source>
        <translation>为选中的重复警情（含全部警情）下发一张工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="91"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="91"/>
        <source>Matched on</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="91"/>
        <source>First call</source>
        <translation>首次报警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="92"/>
        <source>Last call</source>
        <translation>最近报警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="92"/>
        <source>Calls</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="92"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="94"/>
        <source>Number</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="94"/>
        <source>Reported</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="94"/>
        <source>Type</source>
        <translation>警情类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="94"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="95"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="95"/>
        <source>Address</source>
        <translation>发案地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="95"/>
        <source>Summary</source>
        <translation>简要警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="110"/>
        <source>Same caller</source>
        <translation>一人多报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="110"/>
        <source>Same place</source>
        <translation>一地多报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="111"/>
        <source>Same event</source>
        <translation>多人同报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="114"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="114"/>
        <source>Work order issued</source>
        <translation>已派工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="115"/>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="144"/>
        <source>The clusters could not be read from the database.</source>
        <translation>无法从数据库读取重复警情。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="148"/>
        <source>{count} clusters</source>
        <translation>共 {count} 组</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="170"/>
        <source>same grid and type</source>
        <translation>同网格同类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="244"/>
        <source>{kind}: {key}, {count} calls</source>
        <translation>{kind}：{key}，{count} 起</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="248"/>
        <source>Incidents: {numbers}</source>
        <translation>涉及警情：{numbers}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="265"/>
        <source>Repeat calls</source>
        <translation>重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/repeats_panel.py" line="268"/>
        <source>{count} clusters ({created} new, {updated} changed, {removed} removed)</source>
        <translation>共 {count} 组（新增 {created}，变更 {updated}，移除 {removed}）</translation>
    </message>
</context>
<context>
    <name>SaveWhenBack</name>
    <message>
        <location filename="../../desktop/views/dialog_parts.py" line="70"/>
        <source>The connection to the database server was lost. Your input is kept and will be saved automatically when the connection is back (or save it yourself later).</source>
        <translation>与数据库服务器的连接已中断，您填写的内容已保留，连接恢复后将自动保存（也可稍后手动保存）。</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="484"/>
        <source>Mediation session</source>
        <translation>调解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="487"/>
        <source>Remote (video or phone)</source>
        <translation>远程（视频或电话）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="494"/>
        <source>Add mediator</source>
        <translation>添加调解人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="506"/>
        <source>Held at</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="507"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="509"/>
        <source>Mediators</source>
        <translation>调解人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="511"/>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="512"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="513"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="532"/>
        <source>Enter the place, or tick remote</source>
        <translation>请填写地点，或勾选远程</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="437"/>
        <source>StationDesk — Settings</source>
        <translation>派出所综合指挥室工作台 — 设置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="450"/>
        <source>StationDesk cannot open the database:
{reason}
Correct the settings and retry, or quit.</source>
        <translation>无法打开数据库：
{reason}
请修改设置后重试，或退出程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="464"/>
        <source>Save and retry</source>
        <translation>保存并重试</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="464"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="467"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="467"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="142"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="145"/>
        <source>Local file (this desk only)</source>
        <translation>本机文件（仅本工作台使用）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="146"/>
        <source>Server (shared by several desks)</source>
        <translation>服务器（多个工作台共用）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="161"/>
        <source>Empty: the default file in the user data folder</source>
        <translation>留空：使用用户数据文件夹中的默认文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="162"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="169"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="181"/>
        <source>e.g. 10.0.0.5</source>
        <translation>例如 10.0.0.5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="190"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="191"/>
        <source>Host:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="192"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="193"/>
        <source>Database:</source>
        <translation>数据库名：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="194"/>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="197"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="206"/>
        <source>The password is kept in the system credential store.</source>
        <translation>密码保存在系统凭据库中，不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="210"/>
        <source>The system credential store is unavailable: the password will not be saved and must be entered again at every start.</source>
        <translation>系统凭据库不可用，密码不会保存，每次启动需重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="221"/>
        <location filename="../../desktop/views/settings_dialog.py" line="399"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="234"/>
        <source>Station and duty</source>
        <translation>派出所与值班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="236"/>
        <source>Station code:</source>
        <translation>派出所代码：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="237"/>
        <source>Station name:</source>
        <translation>派出所名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="241"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="242"/>
        <source>Duty day starts at:</source>
        <translation>值班日交接时间：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="243"/>
        <source> o&apos;clock</source>
        <translation> 时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="244"/>
        <source>Lock the desk after:</source>
        <translation>无操作锁屏：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="245"/>
        <source> min idle</source>
        <translation> 分钟后</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="250"/>
        <source>Work-order default deadlines</source>
        <translation>工单默认办理时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="252"/>
        <location filename="../../desktop/views/settings_dialog.py" line="266"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="254"/>
        <source>Urgent:</source>
        <translation>紧急：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="255"/>
        <source>High:</source>
        <translation>较急：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="256"/>
        <source>Normal:</source>
        <translation>一般：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="257"/>
        <source>Long-term:</source>
        <translation>长期：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="264"/>
        <source>Repeat-call rules</source>
        <translation>重复报警规则</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="266"/>
        <source> calls</source>
        <translation> 次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="266"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="266"/>
        <source> callers</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="268"/>
        <source>Same caller, at least:</source>
        <translation>同一报警人，至少：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="269"/>
        <location filename="../../desktop/views/settings_dialog.py" line="271"/>
        <location filename="../../desktop/views/settings_dialog.py" line="273"/>
        <source>within:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="270"/>
        <source>Same place, at least:</source>
        <translation>同一地点，至少：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="272"/>
        <source>Same event, at least:</source>
        <translation>同一事件，报警人至少：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="280"/>
        <source>Case deadlines (legal clocks)</source>
        <translation>案件办理期限（法定时限）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="282"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="283"/>
        <source>Administrative cases:</source>
        <translation>行政案件：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="285"/>
        <source>Extension when approved:</source>
        <translation>经批准延长：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="287"/>
        <source>Warn from day:</source>
        <translation>期限预警：第</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="288"/>
        <source>Legal basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="289"/>
        <source>Criminal-case stages (stage:days;…):</source>
        <translation>刑事案件阶段期限（阶段:天数;…）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="291"/>
        <source>Dispute follow-ups (days after the agreement):</source>
        <translation>协议回访（签订后第几天，逗号分隔）：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="370"/>
        <source>Choose the database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="372"/>
        <source>StationDesk database (*.db *.sqlite);;All files (*)</source>
        <translation>工作台数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="394"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="400"/>
        <source>Connecting to the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="410"/>
        <source>Connection failed: {error}</source>
        <translation>连接失败：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="415"/>
        <source>Connection OK. The database is up to date.</source>
        <translation>连接成功，数据库结构是最新的。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="416"/>
        <source>Connection OK. The database is empty and will be set up at start.</source>
        <translation>连接成功，数据库为空，启动时将自动初始化。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="417"/>
        <source>The file does not exist yet; it will be created at start.</source>
        <translation>文件尚不存在，启动时将自动创建。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="418"/>
        <source>Connection OK, but the database must be upgraded (version {version}).</source>
        <translation>连接成功，但数据库结构需要升级（当前版本 {version}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="419"/>
        <source>This database was made by a newer StationDesk (version {version}).</source>
        <translation>该数据库由更新版本的工作台创建（结构版本 {version}），本程序无法使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="420"/>
        <source>This database holds other tables; it is not a StationDesk database.</source>
        <translation>该数据库中有其他程序的数据表，不是本工作台的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="422"/>
        <source>Connection OK.</source>
        <translation>连接成功。</translation>
    </message>
</context>
<context>
    <name>StaffAdminPanel</name>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="239"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="239"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="239"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="239"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="239"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="240"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="240"/>
        <source>Last log-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="250"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="251"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="252"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="253"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="254"/>
        <location filename="../../desktop/views/staff_admin.py" line="335"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="255"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="302"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="302"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="334"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="68"/>
        <source>New staff member</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="68"/>
        <source>Edit staff member</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="74"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="86"/>
        <source>Active (may log in)</source>
        <translation>启用（允许登录）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="88"/>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="89"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="90"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="91"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="93"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
</context>
<context>
    <name>StaffRoles</name>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="46"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="47"/>
        <source>Command-room chief</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="48"/>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="49"/>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="50"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/staff_admin.py" line="51"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../desktop/app.py" line="97"/>
        <source>StationDesk</source>
        <translation>派出所综合指挥室工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="104"/>
        <source>Sorry, something went wrong. Your work so far has been kept.</source>
        <translation>抱歉，程序遇到了意外错误。已输入的内容均已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="108"/>
        <source>Reference: {reference}. The details have been written to the log file:</source>
        <translation>参考编号：{reference}。详细信息已写入日志文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="226"/>
        <source>Demo station</source>
        <translation>演示派出所</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="227"/>
        <source>Creating the demo station database…</source>
        <translation>正在生成演示派出所数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="424"/>
        <source>{reason}
Database: {url}</source>
        <translation>{reason}
数据库：{url}</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="433"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="434"/>
        <source>StationDesk cannot open the database:
{reason}

Database: {url}</source>
        <translation>无法打开数据库：
{reason}

数据库：{url}</translation>
    </message>
</context>
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="219"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="219"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="219"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="219"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="219"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="220"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="232"/>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="234"/>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="241"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="242"/>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="243"/>
        <source>Save a chart as a PNG picture or an SVG drawing</source>
        <translation>将图表保存为 PNG 图片或 SVG 矢量图</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="244"/>
        <source>Monthly report…</source>
        <translation>月度报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="245"/>
        <source>The station report of the period shown (PDF), with print preview</source>
        <translation>生成当前时段的派出所统计报告（PDF），并打印预览</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="246"/>
        <source>HQ workbook…</source>
        <translation>上报分局工作簿…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="247"/>
        <source>The workbook HQ receives for the period shown (Excel)</source>
        <translation>生成当前时段上报分局的工作簿（Excel）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="274"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="275"/>
        <location filename="../../desktop/views/statistics_screen.py" line="491"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="276"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="277"/>
        <location filename="../../desktop/views/statistics_screen.py" line="497"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="278"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="279"/>
        <location filename="../../desktop/views/statistics_screen.py" line="503"/>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="286"/>
        <source>Slice</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="325"/>
        <location filename="../../desktop/views/statistics_screen.py" line="345"/>
        <location filename="../../desktop/views/statistics_screen.py" line="355"/>
        <source>Incidents</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="325"/>
        <source>Criminal incidents</source>
        <translation>刑事警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="326"/>
        <source>Criminal cases</source>
        <translation>刑事案件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="327"/>
        <source>30-day closure rate</source>
        <translation>30日办结率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="327"/>
        <source>Mediation success</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="328"/>
        <source>Transfer resolution</source>
        <translation>流转化解率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="329"/>
        <source>Work orders on time</source>
        <translation>工单按时办结率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="329"/>
        <source>Overdue work orders</source>
        <translation>超期工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="338"/>
        <source>Incidents per duty day</source>
        <translation>每值班日警情数</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="343"/>
        <source>Incidents by category</source>
        <translation>警情类别分布</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="345"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="345"/>
        <location filename="../../desktop/views/statistics_screen.py" line="355"/>
        <source>Last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="346"/>
        <location filename="../../desktop/views/statistics_screen.py" line="355"/>
        <source>YoY</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="346"/>
        <location filename="../../desktop/views/statistics_screen.py" line="355"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="355"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="356"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="358"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="362"/>
        <source>Double-click a row to list its incidents</source>
        <translation>双击一行查看相关警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="363"/>
        <source>By community</source>
        <translation>按社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="364"/>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="366"/>
        <source>Incidents by weekday and hour</source>
        <translation>警情时段热力图（星期 × 小时）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="381"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="381"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="381"/>
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="382"/>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="382"/>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="382"/>
        <source>Open now</source>
        <translation>当前未办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="391"/>
        <source>Disputes registered</source>
        <translation>排查登记纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="392"/>
        <source>Mediation success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="393"/>
        <source>Transfers</source>
        <translation>流转</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="394"/>
        <source>Transfer resolution rate</source>
        <translation>流转化解率</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="395"/>
        <source>Repeat-call clusters</source>
        <translation>重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="571"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="608"/>
        <source>The statistics could not be read from the database. Check the connection and press Refresh.</source>
        <translation>无法从数据库读取统计数据。请检查数据库连接后点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="639"/>
        <source>open past their deadline now</source>
        <translation>当前已超期未办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="651"/>
        <source>Issued in the period: {issued}; closed: {closed}, on time {on_time} ({pct}); overdue now: {overdue}</source>
        <translation>本期下发 {issued} 张；办结 {closed} 张，其中按时办结 {on_time} 张（{pct}）；当前超期 {overdue} 张</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="662"/>
        <source>same caller</source>
        <translation>一人多报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="662"/>
        <source>same place</source>
        <translation>一地多报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="663"/>
        <source>same event</source>
        <translation>多人同报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="669"/>
        <source>{pct} ({numerator:,} of {denominator:,})</source>
        <translation>{pct}（{numerator:,} / {denominator:,}）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="679"/>
        <source>Incidents without this field cannot be listed by it</source>
        <translation>未填写此项的警情无法按此项查看明细</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="780"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="781"/>
        <source>The chart could not be saved: {error}</source>
        <translation>图表未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="785"/>
        <source>Chart saved to {path}</source>
        <translation>图表已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="809"/>
        <source>This could not be done; details are in the log file.</source>
        <translation>操作未能完成，详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="814"/>
        <source>Station report</source>
        <translation>统计报告</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="821"/>
        <source>The station report is not available in this version.</source>
        <translation>此版本暂不能生成统计报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="830"/>
        <source>Writing the report of {period}…</source>
        <translation>正在生成{period}的统计报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="835"/>
        <source>Station report — {period}</source>
        <translation>统计报告 — {period}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="846"/>
        <source>HQ workbook</source>
        <translation>上报分局工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="853"/>
        <source>The HQ workbook is not available in this version.</source>
        <translation>此版本暂不能生成上报分局工作簿。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="871"/>
        <source>Writing the HQ workbook of {period}…</source>
        <translation>正在生成{period}的上报分局工作簿…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="879"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="376"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="388"/>
        <source>Disputes and mediation</source>
        <translation>矛盾纠纷调解</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="650"/>
        <source>By agreement</source>
        <translation>达成协议化解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="651"/>
        <source>Otherwise</source>
        <translation>其他方式化解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="654"/>
        <source>Resolved</source>
        <translation>已化解</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="655"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="599"/>
        <source>Transfer</source>
        <translation>流转</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="603"/>
        <source>Raise a work order to follow it</source>
        <translation>同时下发工单跟进</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="609"/>
        <source>Direction</source>
        <translation>流转方向</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="610"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="611"/>
        <source>Receiving body</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="613"/>
        <source>Work order to</source>
        <translation>工单下发给</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="618"/>
        <source>Enter the reason and the receiving body</source>
        <translation>请填写原因和接收单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="620"/>
        <source>Choose the unit that receives the work order</source>
        <translation>请选择接收工单的单位</translation>
    </message>
</context>
<context>
    <name>TransferOutcomeDialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="631"/>
        <source>Transfer outcome</source>
        <translation>流转结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="634"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="635"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="161"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="162"/>
        <source>Same period last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/stat_charts.py" line="193"/>
        <source>{day}: {count} incidents (same day last year {last}) — click to list them</source>
        <translation>{day}：{count} 起（去年同日 {last} 起）— 点击查看明细</translation>
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
        <location filename="../../desktop/views/idle_lock.py" line="58"/>
        <source>Locked after a period without use. Enter the password of {name} ({number}) to continue; your unsaved work is kept.</source>
        <translation>长时间无操作，工作台已锁定。请输入 {name}（{number}）的密码继续；未保存的内容均已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="68"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="72"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>WarningDetailPanel</name>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="820"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="820"/>
        <source>Work order…</source>
        <translation>下发工单…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="820"/>
        <source>Record outcome…</source>
        <translation>登记处置结果…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="830"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="830"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="830"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="831"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="831"/>
        <source>Deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="831"/>
        <source>Subject</source>
        <translation>预警对象</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="832"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="832"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="833"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="833"/>
        <source>Content</source>
        <translation>预警内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="834"/>
        <source>Required action</source>
        <translation>处置要求</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="834"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="845"/>
        <source>Work orders</source>
        <translation>相关工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="871"/>
        <source>No warning selected</source>
        <translation>未选择预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="877"/>
        <source>(overdue)</source>
        <translation>（已超期）</translation>
    </message>
</context>
<context>
    <name>WarningFormDialog</name>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="406"/>
        <source>Edit warning</source>
        <translation>修改预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="406"/>
        <source>New warning</source>
        <translation>新建预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="411"/>
        <source>Leave empty to number it automatically</source>
        <translation>留空则自动编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="426"/>
        <source>Handle by</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="440"/>
        <source>Number</source>
        <translation>预警编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="440"/>
        <source>Source *</source>
        <translation>来源 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="440"/>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="441"/>
        <source>Received *</source>
        <translation>接收时间 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="441"/>
        <source>Subject</source>
        <translation>预警对象</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="442"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="442"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="443"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="443"/>
        <source>Content *</source>
        <translation>预警内容 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="444"/>
        <source>Required action</source>
        <translation>处置要求</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="444"/>
        <source>Deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="446"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>WarningListPage</name>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="612"/>
        <source>Number</source>
        <translation>预警编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="612"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="612"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="613"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="613"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="613"/>
        <source>Subject</source>
        <translation>预警对象</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="614"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="614"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="614"/>
        <source>Deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="615"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="615"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="618"/>
        <source>Warnings</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="625"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="626"/>
        <source>Register a warning</source>
        <translation>登记预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="631"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="632"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="634"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="636"/>
        <source>Overdue only</source>
        <translation>仅超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="639"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="705"/>
        <source>The warning could not be read from the database.</source>
        <translation>无法从数据库读取这条预警。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="768"/>
        <source>Work order issued for warning {number}</source>
        <translation>已为预警 {number} 下发工单</translation>
    </message>
</context>
<context>
    <name>WorkOrderDetailPanel</name>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="719"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="719"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="719"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="720"/>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="720"/>
        <source>Tracker</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="720"/>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="721"/>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="721"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="721"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="722"/>
        <source>Instructions</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="722"/>
        <source>Latest feedback</source>
        <translation>最近反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="723"/>
        <source>Cancel reason</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="734"/>
        <source>Show source</source>
        <translation>查看来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="746"/>
        <source>Print form</source>
        <translation>打印工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="750"/>
        <source>History</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="761"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="767"/>
        <source>Add attachment…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="768"/>
        <source>Attach photos or scanned documents (images, PDF)</source>
        <translation>附上照片或扫描件（图片、PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="770"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="805"/>
        <source>No work order selected</source>
        <translation>未选择工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="812"/>
        <source>(overdue)</source>
        <translation>（已超期）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="830"/>
        <source>{name} ({size}) — {who}, {time}</source>
        <translation>{name}（{size}）— {who}，{time}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="844"/>
        <source>{what} to {target}</source>
        <translation>{what}给{target}</translation>
    </message>
</context>
<context>
    <name>WorkOrderListPage</name>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="129"/>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="129"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="129"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="130"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="130"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="130"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="131"/>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="131"/>
        <source>Tracker</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="131"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="132"/>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="132"/>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="132"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="135"/>
        <source>Work orders</source>
        <translation>工单列表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="142"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="143"/>
        <source>Issue a new work order</source>
        <translation>下发新工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="147"/>
        <source>Selected</source>
        <translation>所选</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="148"/>
        <source>Urge, reassign or print the selected orders</source>
        <translation>对所选工单催办、转派或打印</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="151"/>
        <source>Urge selected…</source>
        <translation>催办所选…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="152"/>
        <source>Reassign selected…</source>
        <translation>转派所选…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="153"/>
        <source>Print their forms</source>
        <translation>打印所选工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="158"/>
        <source>Ledger…</source>
        <translation>台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="159"/>
        <source>Write the work-order ledger (Excel and PDF) of the orders shown</source>
        <translation>把当前显示的工单生成工单台账（Excel 和 PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="203"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>无法连接数据库，未作任何改动，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="219"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="220"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="221"/>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="222"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="223"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="224"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="225"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="299"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="377"/>
        <source>All assignees</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="226"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="227"/>
        <source>All trackers</source>
        <translation>全部跟踪人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="228"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="230"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="232"/>
        <source>Issued: any time</source>
        <translation>下发时间：全部</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="232"/>
        <source>Issued today</source>
        <translation>今日下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="233"/>
        <source>Issued in the last 7 days</source>
        <translation>近 7 天下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="234"/>
        <source>Issued in the last 30 days</source>
        <translation>近 30 天下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="234"/>
        <source>Issued this month</source>
        <translation>本月下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="235"/>
        <source>Issued between…</source>
        <translation>下发日期…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="245"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="437"/>
        <source>Show only these orders</source>
        <translation>只显示这些工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="455"/>
        <source>The work order could not be read from the database.</source>
        <translation>无法从数据库读取这张工单。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="547"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="627"/>
        <source>Select one or more orders first.</source>
        <translation>请先选择一张或多张工单。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="550"/>
        <source>{count} orders selected</source>
        <translation>已选 {count} 张工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="569"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="577"/>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="570"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.pdf)</source>
        <translation>图片和 PDF (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="590"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="602"/>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="603"/>
        <source>No program opens this file. It was saved as {path}</source>
        <translation>没有可打开此文件的程序，文件已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="613"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="613"/>
        <source>Work-order documents are not available yet.</source>
        <translation>工单文书功能暂不可用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="627"/>
        <source>Print forms</source>
        <translation>打印工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="646"/>
        <source>Print form</source>
        <translation>打印工单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="648"/>
        <source>Work-order form</source>
        <translation>工作指令单</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="667"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="681"/>
        <location filename="../../desktop/views/work_orders_screen.py" line="685"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="668"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="681"/>
        <source>Writing the work-order ledger…</source>
        <translation>正在生成工单台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="688"/>
        <source>{count} orders written to {xlsx} and {pdf}</source>
        <translation>{count} 张工单已写入 {xlsx} 和 {pdf}</translation>
    </message>
</context>
<context>
    <name>WorkOrderTexts</name>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="59"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="76"/>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="59"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="76"/>
        <source>Accepted</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="59"/>
        <source>Reported</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="60"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="77"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="60"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="77"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="60"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="78"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="61"/>
        <location filename="../../desktop/views/work_order_dialogs.py" line="83"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="65"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="65"/>
        <source>High</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="65"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="66"/>
        <source>Long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="70"/>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="70"/>
        <source>Repeat calls</source>
        <translation>重复警情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="71"/>
        <source>Briefing directive</source>
        <translation>晨会指令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="71"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="72"/>
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="72"/>
        <source>HQ assignment</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="72"/>
        <source>Manual</source>
        <translation>手工</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="76"/>
        <source>Reported back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="77"/>
        <source>Urged</source>
        <translation>已催办</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="78"/>
        <source>Reassigned</source>
        <translation>已转派</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="83"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="88"/>
        <source>Accept</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="88"/>
        <source>Report back…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="88"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="89"/>
        <source>Close</source>
        <translation>办结销号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="89"/>
        <source>Urge…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="89"/>
        <source>Reassign…</source>
        <translation>转派…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_order_dialogs.py" line="90"/>
        <source>Cancel order…</source>
        <translation>撤销工单…</translation>
    </message>
</context>
<context>
    <name>WorkOrdersScreen</name>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="92"/>
        <source>My desk</source>
        <translation>我的工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/work_orders_screen.py" line="93"/>
        <source>Work orders</source>
        <translation>工单列表</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="195"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>无法连接数据库，未作任何改动，请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dispute_dialogs.py" line="236"/>
        <source>The colleague&apos;s version is loaded; your changes were discarded.</source>
        <translation>已载入同事保存的版本，您的修改已放弃。</translation>
    </message>
</context>
<context>
    <name>_FileRow</name>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="897"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/statistics_screen.py" line="905"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../desktop/views/case_dialogs.py" line="179"/>
        <source>Could not save (database unreachable?). Your input is kept; try again.</source>
        <translation>未能保存（数据库无法连接？）。您填写的内容仍保留，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <location filename="../../desktop/views/cases_screen.py" line="146"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>无法连接数据库，未作任何改动，请重试。</translation>
    </message>
</context>
</TS>
