<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Drag to see the plant at another instant.
Left/Right: 1 s, Shift: 1 min, Page Up/Down: a tenth of the span,
Home: the oldest history, End: back to live.</source>
        <translation>拖动以查看工厂在另一时刻的状态。
左/右：1 秒，Shift：1 分钟，Page Up/Down：范围的十分之一，
Home：最早的历史，End：回到实时。</translation>
    </message>
</context>
<context>
    <name>ndh</name>
    <message>
        <source>Kafka SASL password</source>
        <translation>Kafka SASL 密码</translation>
    </message>
    <message>
        <source>Client key passphrase</source>
        <translation>客户端密钥口令</translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation>Redis 密码</translation>
    </message>
    <message>
        <source>No Kafka record is known here (topic %1, partition %2, offset %3).</source>
        <translation>此处没有已知的 Kafka 记录（主题 %1，分区 %2，偏移量 %3）。</translation>
    </message>
    <message>
        <source>Cannot reach %1 [%2] on %3: %4</source>
        <translation>无法连接到 %3 上的 %1 [%2]：%4</translation>
    </message>
    <message>
        <source>Offset %1 of %2 [%3] is no longer on the cluster: retention removed it (the partition now starts at offset %4).</source>
        <translation>%2 [%3] 的偏移量 %1 已不在集群上：已因保存期限而删除（分区现在从偏移量 %4 开始）。</translation>
    </message>
    <message>
        <source>Offset %1 of %2 [%3] is not on the cluster (the partition ends before offset %4); was it written to another cluster?</source>
        <translation>%2 [%3] 的偏移量 %1 不在集群上（分区在偏移量 %4 之前结束）；是否写入了其他集群？</translation>
    </message>
    <message>
        <source>Cannot read %1 [%2]: %3</source>
        <translation>无法读取 %1 [%2]：%3</translation>
    </message>
    <message>
        <source>Offset %1 of %2 [%3] holds no record (compacted, or a transaction marker); the next record is at offset %4.</source>
        <translation>%2 [%3] 的偏移量 %1 没有记录（已压缩或为交易标记）；下一条记录在偏移量 %4。</translation>
    </message>
    <message>
        <source>No answer for %1 [%2] offset %3 within %4 s%5</source>
        <translation>%1 [%2] 偏移量 %3 在 %4 秒内没有回应%5</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <source>%1 for profile &quot;%2&quot;:</source>
        <translation>设置档“%2”的%1：</translation>
    </message>
    <message>
        <source>%1 for profile &quot;%2&quot;
(no system keychain: it is kept in memory until the console quits, never on disk):</source>
        <translation>设置档“%2”的%1
（没有系统密钥环：只保存在内存中直到操作台结束，绝不写入磁盘）：</translation>
    </message>
    <message>
        <source>no connection profile &quot;%1&quot; (none saved yet: File &gt; Connections)</source>
        <translation>没有连接设置档“%1”（尚未保存任何设置档：文件 &gt; 连接）</translation>
    </message>
    <message>
        <source>no connection profile &quot;%1&quot;; saved profiles: %2</source>
        <translation>没有连接设置档“%1”；已保存的设置档：%2</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; cannot be used: %2</source>
        <translation>无法使用设置档“%1”：%2</translation>
    </message>
    <message>
        <source>no password given for profile &quot;%1&quot;</source>
        <translation>设置档“%1”没有提供密码</translation>
    </message>
    <message>
        <source>Welcome to NDH Console</source>
        <translation>欢迎使用 NDH 操作台</translation>
    </message>
</context>
<context>
    <name>ndh::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（以 %2 建置）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>About NDH Console</source>
        <translation>关于 NDH 操作台</translation>
    </message>
    <message>
        <source>NDH Console %1</source>
        <translation>NDH 操作台 %1</translation>
    </message>
    <message>
        <source>Operator console and engineering workstation for NDH assets on Kafka and Redis.</source>
        <translation>以 Kafka 与 Redis 监视 NDH 资产的操作台与工程工作站。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ndh::AccessControl</name>
    <message>
        <source>send commands</source>
        <translation>发送命令</translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <translation>确认报警</translation>
    </message>
    <message>
        <source>shelve alarms</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <source>unshelve alarms</source>
        <translation>解除搁置报警</translation>
    </message>
    <message>
        <source>suppress alarms</source>
        <translation>抑制报警</translation>
    </message>
    <message>
        <source>return alarms to service</source>
        <translation>将报警恢复投用</translation>
    </message>
    <message>
        <source>take alarms out of service</source>
        <translation>将报警停用</translation>
    </message>
    <message>
        <source>reset latched alarms</source>
        <translation>重置自保持报警</translation>
    </message>
    <message>
        <source>re-publish records</source>
        <translation>重新发布记录</translation>
    </message>
    <message>
        <source>edit the configuration</source>
        <translation>编辑组态</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>export the audit log</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>To %1 you need the %2 role; you are signed in as %3.</source>
        <translation>要%1需要“%2”角色；您目前以“%3”登录。</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmBanner</name>
    <message>
        <source>Mute alarm sound</source>
        <translation>报警声音静音</translation>
    </message>
    <message>
        <source>Silence the sound played on new critical and high alarms</source>
        <translation>关闭新的紧急与高优先级报警的提示音</translation>
    </message>
    <message>
        <source>%1
Click to select it in the alarm list</source>
        <translation>%1
单击即可在报警列表中选取</translation>
    </message>
    <message>
        <source>No unacknowledged critical or high alarms</source>
        <translation>没有未确认的紧急或高优先级报警</translation>
    </message>
    <message>
        <source>Unacknowledged critical/high:</source>
        <translation>未确认的紧急/高优先级：</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ndh::AlarmGroupModel</name>
    <message>
        <source>%1 unack</source>
        <translation>%1 条未确认</translation>
    </message>
    <message>
        <source>1 alarm</source>
        <translation>1 条报警</translation>
    </message>
    <message>
        <source>%1 alarms</source>
        <translation>%1 条报警</translation>
    </message>
    <message>
        <source>%1: %2 alarms, %3 unacknowledged</source>
        <translation>%1：%2 条报警，%3 条未确认</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmKpiView</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Time range the figures are computed over</source>
        <translation>计算这些数字所用的时间范围</translation>
    </message>
    <message>
        <source>Last hour (live)</source>
        <translation>最近 1 小时（实时）</translation>
    </message>
    <message>
        <source>Last 8 hours (live)</source>
        <translation>最近 8 小时（实时）</translation>
    </message>
    <message>
        <source>Last 24 hours (live)</source>
        <translation>最近 24 小时（实时）</translation>
    </message>
    <message>
        <source>Everything seen (live)</source>
        <translation>全部已接收（实时）</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自订范围</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Alarm rate:</source>
        <translation>报警率：</translation>
    </message>
    <message>
        <source>Flood (&gt;10 in 10 min):</source>
        <translation>报警泛滥（10 分钟内 &gt;10）：</translation>
    </message>
    <message>
        <source>Time in flood:</source>
        <translation>泛滥时间：</translation>
    </message>
    <message>
        <source>Chattering (&gt;3 per min):</source>
        <translation>频繁跳动（每分钟 &gt;3）：</translation>
    </message>
    <message>
        <source>Stale (active &gt;24 h):</source>
        <translation>长期未恢复（启动 &gt;24 小时）：</translation>
    </message>
    <message>
        <source>By priority:</source>
        <translation>按优先级：</translation>
    </message>
    <message>
        <source>Top 10 contributors</source>
        <translation>前 10 名报警来源</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>触发次数</translation>
    </message>
    <message>
        <source>Chattering alarms</source>
        <translation>频繁跳动的报警</translation>
    </message>
    <message>
        <source>%1 in the last 10 min · %2 per 10 min on average · %3 in range</source>
        <translation>最近 10 分钟 %1 · 平均每 10 分钟 %2 · 范围内共 %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n episode(s))</source>
        <translation>
            <numerusform>%1（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>IN FLOOD: %1 alarms in the last 10 min</source>
        <translation>报警泛滥：最近 10 分钟 %1 条报警</translation>
    </message>
    <message>
        <source>no flood</source>
        <translation>无泛滥</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmListView</name>
    <message>
        <source>acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>shelve</source>
        <translation>搁置</translation>
    </message>
    <message>
        <source>unshelve</source>
        <translation>解除搁置</translation>
    </message>
    <message>
        <source>remove from service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>return to service</source>
        <translation>恢复投用</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>shelved by operator</source>
        <translation>操作员搁置</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms</source>
        <translation>确认所选的报警</translation>
    </message>
    <message>
        <source>Acknowledge with &amp;comment…</source>
        <translation>附注确认(&amp;C)…</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms with a comment</source>
        <translation>附上注记确认所选的报警</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;visible</source>
        <translation>确认所有显示的报警(&amp;V)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alarm the filters show</source>
        <translation>确认筛选结果中所有未确认的报警</translation>
    </message>
    <message>
        <source>&amp;Shelve…</source>
        <translation>搁置(&amp;S)…</translation>
    </message>
    <message>
        <source>Shelve the selected alarms for a while, with a reason</source>
        <translation>暂时搁置所选的报警，并注明原因</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>解除搁置(&amp;U)</translation>
    </message>
    <message>
        <source>Bring shelved alarms back before their shelve expires</source>
        <translation>在搁置到期前提早解除搁置</translation>
    </message>
    <message>
        <source>&amp;Remove from service…</source>
        <translation>停用(&amp;R)…</translation>
    </message>
    <message>
        <source>Take the selected alarms out of service, with a reason</source>
        <translation>停用所选的报警，并注明原因</translation>
    </message>
    <message>
        <source>Return to ser&amp;vice</source>
        <translation>恢复投用(&amp;V)</translation>
    </message>
    <message>
        <source>Return shelved or out-of-service alarms to service</source>
        <translation>将搁置或停用的报警恢复投用</translation>
    </message>
    <message>
        <source>Rese&amp;t latched</source>
        <translation>重置自保持(&amp;T)</translation>
    </message>
    <message>
        <source>Reset latched alarms whose condition has cleared</source>
        <translation>重置条件已消失的自保持报警</translation>
    </message>
    <message>
        <source>&amp;Go to asset</source>
        <translation>前往资产(&amp;G)</translation>
    </message>
    <message>
        <source>Select the alarm&apos;s asset in the asset tree</source>
        <translation>在资产树中选取此报警的资产</translation>
    </message>
    <message>
        <source>&amp;Plot</source>
        <translation>趋势图(&amp;P)</translation>
    </message>
    <message>
        <source>Plot the alarm&apos;s attribute with the alarm time marked</source>
        <translation>绘制报警属性的趋势图并标示报警时间</translation>
    </message>
    <message>
        <source>Kafka &amp;record…</source>
        <translation>Kafka 记录(&amp;R)…</translation>
    </message>
    <message>
        <source>Where the alarm&apos;s newest record came from (topic, partition, offset)</source>
        <translation>此报警最新记录的来源（主题、分区、偏移量）</translation>
    </message>
    <message>
        <source>Show alarms of these priorities</source>
        <translation>显示这些优先级的报警</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>所有优先级</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>高及以上</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>中及以上</translation>
    </message>
    <message>
        <source>Unknown priority</source>
        <translation>未知优先级</translation>
    </message>
    <message>
        <source>Show alarms in these ISA-18.2 states</source>
        <translation>显示这些 ISA-18.2 状态的报警</translation>
    </message>
    <message>
        <source>Not normal</source>
        <translation>非正常</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>Latched</source>
        <translation>自保持</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Show alarms of one location</source>
        <translation>显示单一地点的报警</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>所有地点</translation>
    </message>
    <message>
        <source>Filter asset, alarm or message</source>
        <translation>筛选资产、报警或消息</translation>
    </message>
    <message>
        <source>Group by asset</source>
        <translation>按资产分组</translation>
    </message>
    <message>
        <source>Keep each asset&apos;s alarms together</source>
        <translation>将同一资产的报警放在一起</translation>
    </message>
    <message>
        <source>%1 of %2 alarms</source>
        <translation>%1 / %2 条报警</translation>
    </message>
    <message>
        <source>Your role may not act on alarms</source>
        <translation>您的角色不能操作报警</translation>
    </message>
    <message>
        <source>Return to live to act on alarms</source>
        <translation>请回到实时画面再操作报警</translation>
    </message>
    <message>
        <source>Not connected to Kafka: actions cannot be published</source>
        <translation>未连接到 Kafka：无法发布操作</translation>
    </message>
    <message>
        <source>Your role may not %1 alarms.</source>
        <translation>您的角色不能%1报警。</translation>
    </message>
    <message>
        <source>Cannot %1: not connected to Kafka.</source>
        <translation>无法%1：未连接到 Kafka。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n %1 action(s); the list updates when Kafka confirms.</source>
        <translation>
            <numerusform>已发送 %n 个“%1”操作；Kafka 确认后列表会更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) already acknowledged: nothing to do.</source>
        <translation>
            <numerusform>%n 条报警已确认：无须处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) already acknowledged (last by %1): nothing to do.</source>
        <translation>
            <numerusform>%n 条报警已确认（最后由 %1 确认）：无须处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) skipped: %1 does not apply to their state.</source>
        <translation>
            <numerusform>跳过 %n 条报警：“%1”不适用于其状态。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) no longer exist: nothing to do.</source>
        <translation>
            <numerusform>%n 条报警已不存在：无须处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>No alarm selected.</source>
        <translation>未选取报警。</translation>
    </message>
    <message>
        <source>Acknowledge with comment</source>
        <translation>附注确认</translation>
    </message>
    <message numerus="yes">
        <source>Comment for %n alarm(s):</source>
        <translation>
            <numerusform>%n 条报警的注记：</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge all visible</source>
        <translation>确认所有显示的报警</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alarm of the %n shown?</source>
        <translation>
            <numerusform>确认显示中的 %n 条未确认报警？</numerusform>
        </translation>
    </message>
    <message>
        <source>Shelve alarms</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <source>Why (required), e.g. sensor under repair</source>
        <translation>原因（必填），例如：传感器维修中</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n 条报警</numerusform>
        </translation>
    </message>
    <message>
        <source>return to service by themselves when the shelve expires</source>
        <translation>搁置到期后自动恢复</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时间长度：</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>搁置</translation>
    </message>
    <message>
        <source>unshelved by operator</source>
        <translation>操作员解除搁置</translation>
    </message>
    <message>
        <source>removed from service by operator</source>
        <translation>操作员停用</translation>
    </message>
    <message>
        <source>Remove from service</source>
        <translation>停用</translation>
    </message>
    <message numerus="yes">
        <source>Reason for taking %n alarm(s) out of service:</source>
        <translation>
            <numerusform>停用 %n 条报警的原因：</numerusform>
        </translation>
    </message>
    <message>
        <source>Not removed from service: a reason is required.</source>
        <translation>未停用：必须填写原因。</translation>
    </message>
    <message>
        <source>returned to service by operator</source>
        <translation>操作员恢复投用</translation>
    </message>
    <message>
        <source>Kafka confirmed: %1 %2.</source>
        <translation>Kafka 已确认：%1 %2。</translation>
    </message>
    <message>
        <source>Could not %1 %2: %3. Nothing was changed; try again when Kafka is reachable.</source>
        <translation>无法%1 %2：%3。没有任何变更；请在 Kafka 可连接时再试一次。</translation>
    </message>
    <message>
        <source>Filters cleared to show %1.</source>
        <translation>已清除筛选以显示 %1。</translation>
    </message>
    <message>
        <source>This alarm names no attribute to plot.</source>
        <translation>此报警没有可绘制的属性。</translation>
    </message>
    <message>
        <source>Alarm: %1</source>
        <translation>报警：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation>发生：%1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>最后变更：%1</translation>
    </message>
    <message>
        <source>Last action by: %1</source>
        <translation>最后操作者：%1</translation>
    </message>
    <message>
        <source>Comment / reason: %1</source>
        <translation>注记/原因：%1</translation>
    </message>
    <message>
        <source>The record behind the newest change is not known.</source>
        <translation>最新变更所对应的记录不明。</translation>
    </message>
    <message>
        <source>Newest record: topic %1, partition %2, offset %3</source>
        <translation>最新记录：主题 %1，分区 %2，偏移量 %3</translation>
    </message>
    <message>
        <source>Broker time: %1</source>
        <translation>Broker 时间：%1</translation>
    </message>
    <message>
        <source>Fetch it with kcat:</source>
        <translation>用 kcat 取得：</translation>
    </message>
    <message>
        <source>Newest record: %1 %2</source>
        <translation>最新记录：%1 %2</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Redis 频道</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line / position: %1</source>
        <translation>行/位置：%1</translation>
    </message>
    <message>
        <source>Record behind the alarm</source>
        <translation>报警对应的记录</translation>
    </message>
    <message numerus="yes">
        <source>[… %n more byte(s) not shown]</source>
        <translation>
            <numerusform>[… 另有 %n 字节未显示]</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic %1, partition %2, offset %3</source>
        <translation>主题 %1，分区 %2，偏移量 %3</translation>
    </message>
    <message>
        <source>log append time</source>
        <translation>写入日志时间</translation>
    </message>
    <message>
        <source>create time</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Timestamp: %1 (%2)</source>
        <translation>时间戳记：%1（%2）</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>键：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Header %1: %2</source>
        <translation>消息头 %1：%2</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>（null）</translation>
    </message>
    <message>
        <source>Payload: none (a tombstone)</source>
        <translation>内容：无（tombstone 删除标记）</translation>
    </message>
    <message numerus="yes">
        <source>Payload (%n byte(s)):</source>
        <translation>
            <numerusform>内容（%n 字节）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the record from Kafka…</source>
        <translation>正在从 Kafka 读取记录…</translation>
    </message>
    <message>
        <source>Could not read the record: %1</source>
        <translation>无法读取记录：%1</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmPriority</name>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmTableModel</name>
    <message>
        <source>Last action by %1</source>
        <translation>最后操作者 %1</translation>
    </message>
    <message>
        <source>Shelved until %1</source>
        <translation>搁置至 %1</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Value at trigger</source>
        <translation>触发时的值</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>持续时间</translation>
    </message>
</context>
<context>
    <name>ndh::AssetTreeFilterModel</name>
    <message>
        <source>No new value for %1: the value may be stale.</source>
        <translation>%1 没有新值：此值可能已过时。</translation>
    </message>
    <message>
        <source>Asset is not in service (%1).</source>
        <translation>资产未运转（%1）。</translation>
    </message>
</context>
<context>
    <name>ndh::AssetTreeModel</name>
    <message>
        <source>%1 = %2 %3
From %4, %5 ago.%6
Double-click or drag onto a plot to chart it.</source>
        <translation>%1 = %2 %3
来自 %4，%5 前。%6
双击或拖动到趋势图上即可绘制。</translation>
    </message>
    <message>
        <source>
Stale: no live source has refreshed it for more than %1 s.</source>
        <translation>
已过时：超过 %1 秒没有实时来源更新。</translation>
    </message>
    <message>
        <source>%1 = %2 %3
Double-click or drag onto a plot to chart it.</source>
        <translation>%1 = %2 %3
双击或拖动到趋势图上即可绘制。</translation>
    </message>
    <message>
        <source>Asset / attribute</source>
        <translation>资产/属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>经过时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ndh::AssetTreeView</name>
    <message>
        <source>Filter: location, type, asset or attribute (Ctrl+F)</source>
        <translation>筛选：地点、类型、资产或属性（Ctrl+F）</translation>
    </message>
    <message>
        <source>Every word must appear in the row&apos;s path, e.g. &quot;hall-a pressure&quot;.
Esc clears the filter.</source>
        <translation>每个字都必须出现在该列的路径中，例如“hall-a pressure”。
Esc 清除筛选。</translation>
    </message>
    <message>
        <source>Waiting for data from the plant…

Assets appear here as their events arrive.</source>
        <translation>正在等待工厂数据…

资产会随事件到达而出现在这里。</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.

Press Esc to clear the filter.</source>
        <translation>没有符合“%1”的项目。

按 Esc 清除筛选。</translation>
    </message>
</context>
<context>
    <name>ndh::AuditLog</name>
    <message numerus="yes">
        <source>Audit log intact: %n record(s), every checksum verified.</source>
        <translation>
            <numerusform>审计记录完整：%n 条记录，所有校验和均已验证。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>正在验证审计记录…</translation>
    </message>
</context>
<context>
    <name>ndh::AuditLogView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细数据</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>关联 ID</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Filter: user, asset, correlation id, outcome…</source>
        <translation>筛选：用户、资产、关联 ID、结果…</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export audit records</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON lines, with checksums (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON 行格式，含校验和 (*.jsonl)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Audit entries of %1</source>
        <translation>%1 的审计记录</translation>
    </message>
    <message>
        <source>Incident bundle: %1 (the audit entries of its period; read-only)</source>
        <translation>事件包：%1（该期间的审计记录；只读）</translation>
    </message>
</context>
<context>
    <name>ndh::ClusterWatcher</name>
    <message>
        <source>The cluster did not list its consumer groups (%1); only groups watched by name are shown.</source>
        <translation>集群没有列出其消费者组（%1）；只显示按名称监视的组。</translation>
    </message>
    <message>
        <source>No consumer groups on the cluster. Watch one by name to follow its lag.</source>
        <translation>集群上没有消费者组。请按名称监视一个组以追踪其延迟。</translation>
    </message>
    <message>
        <source>Too many groups watched</source>
        <translation>监视的组太多</translation>
    </message>
    <message>
        <source>Cannot read committed offsets: %1</source>
        <translation>无法读取已提交的偏移量：%1</translation>
    </message>
    <message>
        <source>No committed offsets</source>
        <translation>没有已提交的偏移量</translation>
    </message>
</context>
<context>
    <name>ndh::ColumnFit</name>
    <message>
        <source>Fit columns to the view</source>
        <translation>调整列宽以适应视图</translation>
    </message>
</context>
<context>
    <name>ndh::CommandDialog</name>
    <message>
        <source>Send command to %1</source>
        <translation>对 %1 发送命令</translation>
    </message>
    <message>
        <source>Asset: %1 (%2, %3)</source>
        <translation>资产：%1（%2，%3）</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>发送(&amp;S)…</translation>
    </message>
    <message>
        <source>The command configuration has no commands for asset type %1.</source>
        <translation>命令组态中没有资产类型 %1 的命令。</translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation>%1 为 %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1（%2）：</translation>
    </message>
    <message>
        <source>Choose a command.</source>
        <translation>请选择命令。</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to %2 (%3 at %4)?

%5</source>
        <translation>要对 %2（%4 的 %3）发送“%1”吗？

%5</translation>
    </message>
    <message>
        <source>Effect: %1</source>
        <translation>作用：%1</translation>
    </message>
    <message>
        <source>Asks for confirmation, then sends.</source>
        <translation>先要求确认，再发送。</translation>
    </message>
    <message>
        <source>Confirm command</source>
        <translation>确认命令</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>送往 %1</translation>
    </message>
</context>
<context>
    <name>ndh::CommandPalette</name>
    <message>
        <source>Find an action, asset or topic</source>
        <translation>查找动作、资产或主题</translation>
    </message>
    <message>
        <source>Type an action, asset or topic name… (Enter runs, Esc closes)</source>
        <translation>输入动作、资产或主题名称…（Enter 运行，Esc 关闭）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>ndh::CommandSender</name>
    <message>
        <source>%1 takes no command %2.</source>
        <translation>%1 不接受命令 %2。</translation>
    </message>
</context>
<context>
    <name>ndh::CommandsPanel</name>
    <message>
        <source>%1 commands, %2 waiting, %3 completed, %4 failed, %5 timed out, %6 outcome unknown</source>
        <translation>%1 个命令，%2 个等待中，%3 个已完成，%4 个失败，%5 个逾时，%6 个结果不明</translation>
    </message>
    <message>
        <source>; %1 replies seen for commands of other consoles or systems</source>
        <translation>；看到 %1 个其他操作台或系统的命令回复</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>设置档</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>添加(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Passwords are kept in the system keychain, never in the settings file.</source>
        <translation>密码保存在系统密钥环中，绝不写入设置档。</translation>
    </message>
    <message>
        <source>No system keychain is available: passwords are kept in memory only and asked again at the next start. They are never written to disk.</source>
        <translation>没有可用的系统密钥环：密码只保存在内存中，下次启动时会再次询问。密码绝不写入磁盘。</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Start the &amp;demo plant</source>
        <translation>启动示范工厂(&amp;D)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Kafka cluster</source>
        <translation>Kafka 集群</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>设置文件名称</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>引导服务器</translation>
    </message>
    <message>
        <source>Security protocol</source>
        <translation>安全协定</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL 机制</translation>
    </message>
    <message>
        <source>SASL user</source>
        <translation>SASL 用户</translation>
    </message>
    <message>
        <source>SASL password</source>
        <translation>SASL 密码</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>凭证 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端凭证</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>密钥 (*.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>Verify the brokers&apos; certificates and host names (recommended)</source>
        <translation>验证 Broker 的凭证与主机名称（建议）</translation>
    </message>
    <message>
        <source>Verification is OFF: anyone on the network path can pose as this cluster. The console shows this in the connection health view.</source>
        <translation>验证已关闭：网络路径上的任何人都能冒充此集群。操作台会在连接状况查看中显示这一点。</translation>
    </message>
    <message>
        <source>Unique to this console (recommended)</source>
        <translation>此操作台专用（建议）</translation>
    </message>
    <message>
        <source>Fixed group id</source>
        <translation>固定组 ID</translation>
    </message>
    <message>
        <source>The console reads every partition itself, so each console sees every alarm whatever the group. The id names the console to the cluster (ACLs, quotas).</source>
        <translation>操作台会自行读取每个分区，因此不论组为何，每个操作台都能看到所有报警。此 ID 用来向集群识别操作台（ACL、配额）。</translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Group id (or prefix)</source>
        <translation>组 ID（或前缀）</translation>
    </message>
    <message>
        <source>empty: the standard NDH topics</source>
        <translation>空白：标准 NDH 主题</translation>
    </message>
    <message>
        <source>Topics (comma-separated)</source>
        <translation>主题（以逗号分隔）</translation>
    </message>
    <message>
        <source>one per line: topic pattern=ndh|drone|domain (others are sniffed)</source>
        <translation>每行一个：主题样式=ndh|drone|domain（其他自动侦测）</translation>
    </message>
    <message>
        <source>Envelopes</source>
        <translation>信封格式</translation>
    </message>
    <message>
        <source>Redis server</source>
        <translation>Redis 服务器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>ACL user</source>
        <translation>ACL 用户</translation>
    </message>
    <message>
        <source>Needs a password</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Turn off TLS verification?</source>
        <translation>要关闭 TLS 验证吗？</translation>
    </message>
    <message>
        <source>Without verification the console cannot tell the real cluster from an impostor, and passwords may be sent to it.</source>
        <translation>没有验证时，操作台无法分辨真正的集群与冒充者，密码可能会被送给对方。</translation>
    </message>
    <message>
        <source>Turn verification off</source>
        <translation>关闭验证</translation>
    </message>
    <message>
        <source>Create a profile with New.</source>
        <translation>请用“添加”创建设置档。</translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation>已有其他设置文件名为“%1”。</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>新集群</translation>
    </message>
    <message>
        <source>New cluster %1</source>
        <translation>新集群 %1</translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation>留空则保留已保存的</translation>
    </message>
    <message>
        <source>asked at each start if left empty</source>
        <translation>留空则每次启动时询问</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionHealthView</name>
    <message>
        <source>TLS verification OFF: the brokers&apos; identity is not checked</source>
        <translation>TLS 验证已关闭：不检查 Broker 的身分</translation>
    </message>
    <message>
        <source>This connection profile turned off certificate and host name checks. Anyone on the network path could pose as the cluster. Turn verification back on in File &gt; Connections.</source>
        <translation>此连接设置档关闭了凭证与主机名称检查。网络路径上的任何人都可能冒充此集群。请在“文件 &gt; 连接”重新打开验证。</translation>
    </message>
    <message>
        <source>Kafka %1: %2</source>
        <translation>Kafka %1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 brokers connected</source>
        <translation>%2 个 Broker 中已连接 %1 个</translation>
    </message>
    <message>
        <source>console lag %1 records on %2 partitions</source>
        <translation>操作台在 %2 个分区上延迟 %1 条记录</translation>
    </message>
    <message>
        <source>%1 messages/s in</source>
        <translation>每秒接收 %1 则消息</translation>
    </message>
    <message>
        <source>waiting for the first statistics</source>
        <translation>正在等待第一份统计数据</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>连接设置档需要名称。</translation>
    </message>
    <message>
        <source>A profile name cannot contain / or \.</source>
        <translation>设置文件名称不能包含 / 或 \。</translation>
    </message>
    <message>
        <source>Give at least one Kafka bootstrap server as host:port.</source>
        <translation>请至少提供一个 Kafka 引导服务器（host:port）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Kafka server address (host:port).</source>
        <translation>“%1”不是 Kafka 服务器地址（host:port）。</translation>
    </message>
    <message>
        <source>SASL needs a user name.</source>
        <translation>SASL 需要用户名。</translation>
    </message>
    <message>
        <source>Certificates are set but the security protocol is PLAINTEXT: choose SSL or SASL_SSL.</source>
        <translation>已设置凭证，但安全协定为 PLAINTEXT：请选择 SSL 或 SASL_SSL。</translation>
    </message>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation>客户端凭证需要其私密密钥，密钥也需要其凭证。</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端凭证</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be read.</source>
        <translation>无法读取%1“%2”。</translation>
    </message>
    <message>
        <source>A fixed consumer group needs a group id.</source>
        <translation>固定的消费者组需要组 ID。</translation>
    </message>
    <message>
        <source>Redis is on but has no address or socket.</source>
        <translation>Redis 已激活，但没有地址或通信端。</translation>
    </message>
    <message>
        <source>The Redis database number must be from 0 to 1000.</source>
        <translation>Redis 数据库编号必须介于 0 到 1000。</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionStatus</name>
    <message>
        <source>Disconnected</source>
        <translation>已中断连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Broker down</source>
        <translation>Broker 中断</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionStatusWidget</name>
    <message>
        <source>Redis: disconnected</source>
        <translation>Redis：已中断连接</translation>
    </message>
    <message>
        <source>Redis: connecting</source>
        <translation>Redis：连接中</translation>
    </message>
    <message>
        <source>Redis: connected</source>
        <translation>Redis：已连接</translation>
    </message>
    <message>
        <source>Redis down</source>
        <translation>Redis 中断</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已中断连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Broker down</source>
        <translation>Broker 中断</translation>
    </message>
    <message>
        <source>%1 of %2 brokers up</source>
        <translation>%2 个 Broker 中 %1 个正常</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>已持续 %1</translation>
    </message>
    <message>
        <source>Link to the data source: %1</source>
        <translation>数据源连接：%1</translation>
    </message>
    <message>
        <source>Link to the data source: %1
Last error: %2</source>
        <translation>数据源连接：%1
最后错误：%2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Redis: offline</source>
        <translation>Redis：离线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 records lost to retention</source>
        <translation>%1 条记录因保留期限而丢失</translation>
    </message>
    <message>
        <source>%1 records were deleted by the broker (retention) before the console could read them; it went on from the oldest record still there. They are missing from the history.</source>
        <translation>有 %1 条记录在控制台读取之前已被代理服务器按保留期限删除；控制台已从仍存在的最旧记录继续读取。这些记录不在历史中。</translation>
    </message>
    <message>
        <source>Falling behind</source>
        <translation>落后加剧</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>追赶中</translation>
    </message>
    <message>
        <source>%1 records behind, %2 more each second</source>
        <translation>落后 %1 条记录，每秒再多 %2 条</translation>
    </message>
    <message>
        <source>%1 records behind</source>
        <translation>落后 %1 条记录</translation>
    </message>
    <message>
        <source>live in about %1</source>
        <translation>约 %1后实时</translation>
    </message>
    <message>
        <source>Records read of the backlog</source>
        <translation>积压记录中已读取的部分</translation>
    </message>
    <message>
        <source>The console is still reading records it had not read (the topics from their start, or what came during an outage): the values on screen are older than the plant&apos;s. Live again when it has read them.</source>
        <translation>控制台仍在读取尚未读取的记录（主题从开头读起，或中断期间到达的记录）：屏幕上的值比现场的旧。读完后恢复实时。</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionsUi</name>
    <message>
        <source>Connection &amp;health</source>
        <translation>连接状况(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>Kafka clusters and Redis servers: addresses, security, certificates</source>
        <translation>Kafka 集群与 Redis 服务器：地址、安全性、凭证</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <source>The console restarts connected to &quot;%1&quot;. What it shows now is replaced by that plant&apos;s state.</source>
        <translation>操作台将重新启动并连接到“%1”。目前显示的内容会换成该工厂的状态。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>ndh::ConsumerLagModel</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导者</translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation>高水位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>延迟</translation>
    </message>
</context>
<context>
    <name>ndh::DeadLetterModel</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Topic / channel</source>
        <translation>主题/频道</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ndh::DeadLetterView</name>
    <message>
        <source>Copy raw</source>
        <translation>复制原始内容</translation>
    </message>
    <message>
        <source>Copy hex</source>
        <translation>复制十六进制</translation>
    </message>
    <message>
        <source>No dead letters.

Records that cannot be decoded appear here with the reason and their raw bytes; the console keeps going.</source>
        <translation>没有死信。

无法解码的记录会连同原因与原始字节显示在这里；操作台会继续运作。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Copy the payload exactly as received</source>
        <translation>完全按接收内容复制</translation>
    </message>
    <message>
        <source>Copy the hex dump</source>
        <translation>复制十六进制倾印</translation>
    </message>
    <message>
        <source>No records have failed to decode.</source>
        <translation>没有解码失败的记录。</translation>
    </message>
    <message>
        <source>%1 records could not be decoded; the newest %2 are kept here.</source>
        <translation>%1 条记录无法解码；这里保留最新的 %2 条。</translation>
    </message>
    <message>
        <source>1 record could not be decoded.</source>
        <translation>1 条记录无法解码。</translation>
    </message>
    <message>
        <source>%1 records could not be decoded.</source>
        <translation>%1 条记录无法解码。</translation>
    </message>
    <message>
        <source>Select a record to see its raw bytes.</source>
        <translation>选取记录以查看其原始字节。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>, partition %1</source>
        <translation>，分区 %1</translation>
    </message>
    <message>
        <source>, offset %1</source>
        <translation>，偏移量 %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>键：%1</translation>
    </message>
    <message>
        <source>Size: %1 bytes (first %2 kept)</source>
        <translation>大小：%1 字节（保留前 %2）</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>大小：%1 字节</translation>
    </message>
    <message>
        <source>… %1 more bytes not shown
</source>
        <translation>… 另有 %1 字节未显示
</translation>
    </message>
</context>
<context>
    <name>ndh::EnvelopePublisher</name>
    <message>
        <source>Nothing to publish: no topic or an empty message</source>
        <translation>没有可发布的内容：没有主题或消息为空</translation>
    </message>
    <message>
        <source>Kafka refused the message for %1: %2</source>
        <translation>Kafka 拒绝了送往 %1 的消息：%2</translation>
    </message>
    <message>
        <source>Not delivered to %1: %2</source>
        <translation>未送达 %1：%2</translation>
    </message>
</context>
<context>
    <name>ndh::ExportRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ndh::FieldExpression::Error</name>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
</context>
<context>
    <name>ndh::FirstRunDialog</name>
    <message>
        <source>Start the demo</source>
        <translation>启动示范</translation>
    </message>
    <message>
        <source>A simulated plant on a built-in Kafka broker: nothing else to install.</source>
        <translation>内置 Kafka Broker 上的仿真工厂：无须安装其他软件。</translation>
    </message>
    <message>
        <source>Connect to a cluster…</source>
        <translation>连接到集群…</translation>
    </message>
    <message>
        <source>Read the NDH topics of your Kafka cluster (and Redis, if you use it).</source>
        <translation>读取您 Kafka 集群上的 NDH 主题（若有使用 Redis 也一并读取）。</translation>
    </message>
    <message>
        <source>Open a log…</source>
        <translation>打开日志文件…</translation>
    </message>
    <message>
        <source>Work offline on an exported log (.jsonl, .jsonl.zst) or an incident bundle (.ndh).</source>
        <translation>离线处理导出的日志文件（.jsonl、.jsonl.zst）或事件包（.ndh）。</translation>
    </message>
    <message>
        <source>Welcome to NDH Console</source>
        <translation>欢迎使用 NDH 操作台</translation>
    </message>
    <message>
        <source>What would you like to look at?</source>
        <translation>您想查看什么？</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>结束(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ndh::HistoryBackfill</name>
    <message>
        <source>%1 events from %2 records loaded (%3 partitions sought by time, %4 read from the start and filtered).</source>
        <translation>已从 %2 条记录加载 %1 个事件（%3 个分区按时间定位，%4 个从头读取并筛选）。</translation>
    </message>
    <message>
        <source>Cannot reach Kafka at %1: %2</source>
        <translation>无法连接到 Kafka %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the offsets of %1 [%2]: %3</source>
        <translation>无法读取 %1 [%2] 的偏移量：%3</translation>
    </message>
    <message>
        <source>Cannot assign partitions: %1</source>
        <translation>无法指派分区：%1</translation>
    </message>
    <message>
        <source>No records for %1 s before the end of %2 partition(s); is the cluster reachable? (%3)</source>
        <translation>%2 个分区结束前 %1 秒内没有记录；集群是否可连接？（%3）</translation>
    </message>
    <message>
        <source>no error reported</source>
        <translation>未回报错误</translation>
    </message>
</context>
<context>
    <name>ndh::IngestBackend</name>
    <message>
        <source>Not connected to Kafka</source>
        <translation>未连接到 Kafka</translation>
    </message>
</context>
<context>
    <name>ndh::IsaState</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unack</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Acked</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>RTN-Unack</source>
        <translation>已恢复未确认</translation>
    </message>
    <message>
        <source>Latched-Unack</source>
        <translation>自保持未确认</translation>
    </message>
    <message>
        <source>Latched-Acked</source>
        <translation>自保持已确认</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <source>Out-of-service</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ndh::KeychainSecretStore</name>
    <message>
        <source>turned off by NDH_NO_KEYCHAIN</source>
        <translation>已由 NDH_NO_KEYCHAIN 关闭</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>密钥环在 %1 秒内没有回应</translation>
    </message>
</context>
<context>
    <name>ndh::LayoutFile</name>
    <message>
        <source>not a layout file: %1 at byte %2</source>
        <translation>不是布局文件：第 %2 字节处%1</translation>
    </message>
    <message>
        <source>not an NDH Console layout (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>不是 NDH 操作台的布局（没有 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>layout format version %1 is not supported (this console reads up to %2)</source>
        <translation>不支持布局格式版本 %1（此操作台最多可读取 %2）</translation>
    </message>
    <message>
        <source>the layout&apos;s &quot;%1&quot; is damaged (not base64)</source>
        <translation>布局的“%1”已损坏（不是 base64）</translation>
    </message>
    <message>
        <source>the columns of &quot;%1&quot; are damaged (not base64)</source>
        <translation>“%1”的字段设置已损坏（不是 base64）</translation>
    </message>
    <message>
        <source>the layout has no dock arrangement</source>
        <translation>此布局没有面板布局</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than a layout can be (%3)</source>
        <translation>%1 有 %2 字节，超过布局的上限（%3）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ndh::LinkHealthModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <source>Kafka %1 (broker %2)</source>
        <translation>Kafka %1（Broker %2）</translation>
    </message>
    <message>
        <source>Kafka %1 (bootstrap)</source>
        <translation>Kafka %1（引导服务器）</translation>
    </message>
    <message>
        <source>librdkafka state: %1</source>
        <translation>librdkafka 状态：%1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重新连接次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最后错误</translation>
    </message>
    <message>
        <source>In state for</source>
        <translation>持续时间</translation>
    </message>
</context>
<context>
    <name>ndh::LoadHistoryDialog</name>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel load</source>
        <translation>取消加载(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Load history from Kafka</source>
        <translation>从 Kafka 加载历史</translation>
    </message>
    <message>
        <source>Records in this range are read from the NDH topics into the history; the live views are not touched. Scrub to them with the time slider.</source>
        <translation>此范围内的记录会从 NDH 主题读入历史；实时画面不受影响。可用时间滑块浏览。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>The end of the range must be after its start.</source>
        <translation>范围的结束必须晚于开始。</translation>
    </message>
    <message>
        <source>Finding the range in each partition…</source>
        <translation>正在各分区中查找范围…</translation>
    </message>
    <message>
        <source>Read %1 of %2 records…</source>
        <translation>已读取 %1 / %2 条记录…</translation>
    </message>
    <message>
        <source>Cancelled. What was read so far is kept: %1</source>
        <translation>已取消。保留目前已读取的内容：%1</translation>
    </message>
    <message>
        <source>Could not load history: %1</source>
        <translation>无法加载历史：%1</translation>
    </message>
</context>
<context>
    <name>ndh::LogExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Log (kcat -J lines, .jsonl)</source>
        <translation>日志文件（kcat -J 行格式，.jsonl）</translation>
    </message>
    <message>
        <source>Compressed log (.jsonl.zst)</source>
        <translation>压缩日志文件（.jsonl.zst）</translation>
    </message>
    <message>
        <source>Incident bundle (log, alarm journal, audit, layout; .ndh)</source>
        <translation>事件包（记录、报警日志、审计、布局；.ndh）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Event time of the first record to export (UTC)</source>
        <translation>要导出的第一条记录的事件时间（UTC）</translation>
    </message>
    <message>
        <source>Event time of the last record to export (UTC)</source>
        <translation>要导出的最后一条记录的事件时间（UTC）</translation>
    </message>
    <message>
        <source>%1 (%2 records)</source>
        <translation>%1（%2 条记录）</translation>
    </message>
    <message>
        <source>All assets (or: FACTORY_A, FACTORY_B/Pump/PUMP_001, ...)</source>
        <translation>所有资产（或：FACTORY_A, FACTORY_B/Pump/PUMP_001, ...）</translation>
    </message>
    <message>
        <source>Comma-separated asset paths or path prefixes (location, location/type, location/type/id). Empty: every asset.</source>
        <translation>以逗号分隔的资产路径或路径前缀（地点、地点/类型、地点/类型/编号）。空白：全部资产。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>从(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;opics:</source>
        <translation>主题(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Assets:</source>
        <translation>资产(&amp;A)：</translation>
    </message>
    <message>
        <source>Records are written exactly as received, one kcat -C -J line each; the file appears only when complete.</source>
        <translation>记录完全按接收内容写入，每条一行 kcat -C -J 格式；文件完成后才会出现。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Logs (*.jsonl *.jsonl.zst);;Incident bundles (*.ndh);;All files (*)</source>
        <translation>日志文件 (*.jsonl *.jsonl.zst);;事件包 (*.ndh);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ndh::LogSessionController</name>
    <message>
        <source>&amp;Open log or incident…</source>
        <translation>打开日志文件或事件包(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an exported log (kcat -C -J lines, .jsonl or .jsonl.zst) or an incident bundle (.ndh) and work on it offline (Ctrl+O). You can also drop the file on the window.</source>
        <translation>打开导出的日志文件（kcat -C -J 行格式，.jsonl 或 .jsonl.zst）或事件包（.ndh）并离线处理（Ctrl+O）。也可以把文件拖放到窗口上。</translation>
    </message>
    <message>
        <source>&amp;Export log…</source>
        <translation>导出日志文件(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the records of this session (a time range, topics, assets) to a log file that kcat and the console read (Ctrl+E)</source>
        <translation>将本次会话的记录（时间范围、主题、资产）写入 kcat 与操作台都能读取的日志文件（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export &amp;incident bundle…</source>
        <translation>导出事件包(&amp;I)…</translation>
    </message>
    <message>
        <source>One .ndh file with the log, the alarm journal, the audit entries, the window layout and a manifest (Ctrl+Shift+E)</source>
        <translation>一个 .ndh 档，内含记录、报警日志、审计项目、窗口布局与列表（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Reading the log in the background; the views fill as it goes</source>
        <translation>正在后台读取日志文件；画面会随读取逐步填入</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止加载</translation>
    </message>
    <message>
        <source>Stop reading the log; what was read so far stays</source>
        <translation>停止读取日志文件；保留已读取的内容</translation>
    </message>
    <message>
        <source>Open log or incident</source>
        <translation>打开日志文件或事件包</translation>
    </message>
    <message>
        <source>Logs and incidents (*.jsonl *.jsonl.zst *.zst *.json *.ndh);;All files (*)</source>
        <translation>日志文件与事件包 (*.jsonl *.jsonl.zst *.zst *.json *.ndh);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Still loading %1; stop it first.</source>
        <translation>仍在加载 %1；请先停止。</translation>
    </message>
    <message>
        <source>Opening %1 in a new window</source>
        <translation>在新窗口中打开 %1</translation>
    </message>
    <message>
        <source>Could not start a new window for %1</source>
        <translation>无法为 %1 打开新窗口</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <source>incident %1, %2 to %3, from %4 (offline)</source>
        <translation>事件 %1，%2 至 %3，来自 %4（离线）</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>%1 is damaged. %2 records were loaded; %3 damaged part(s) were skipped and are listed in the dead letters.</source>
        <translation>%1 已损坏。已加载 %2 条记录；跳过 %3 个损坏部分，并列在死信中。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 项</translation>
    </message>
    <message>
        <source>%1: %2 records, %3 events loaded in %4 s%5</source>
        <translation>%1：%4 秒内加载 %2 条记录、%3 个事件%5</translation>
    </message>
    <message>
        <source> (stopped; the rest was not read)</source>
        <translation>（已停止；其余未读取）</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>打开日志文件</translation>
    </message>
    <message>
        <source>Show dead letters</source>
        <translation>显示死信</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>This session holds no records to export yet.</source>
        <translation>本次会话尚无可导出的记录。</translation>
    </message>
    <message>
        <source>Open a log, or wait for records to arrive.</source>
        <translation>请打开日志文件，或等待记录到达。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The export failed; no file was written.</source>
        <translation>导出失败；没有写入任何文件。</translation>
    </message>
    <message>
        <source>No record matches the chosen time range, topics and assets.</source>
        <translation>没有记录符合所选的时间范围、主题与资产。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Exported %1 records to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
    <message>
        <source>Incident &amp;audit entries…</source>
        <translation>事件审计记录(&amp;A)…</translation>
    </message>
    <message>
        <source>The operator actions recorded in the opened incident&apos;s period, with their checksums verified (read-only)</source>
        <translation>已打开事件期间内记录的操作员操作，校验和均已验证（只读）</translation>
    </message>
    <message>
        <source>Incident &amp;audit entries (%1)…</source>
        <translation>事件审计记录 (%1)(&amp;A)…</translation>
    </message>
    <message>
        <source>; %1 audit entries of the incident under File</source>
        <translation>；事件的 %1 条审计记录在“文件”菜单</translation>
    </message>
</context>
<context>
    <name>ndh::MainWindow</name>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>死信</translation>
    </message>
    <message>
        <source>NDH Console</source>
        <translation>NDH 操作台</translation>
    </message>
    <message>
        <source>NDH Console — %1</source>
        <translation>NDH 操作台 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>结束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Asset tree</source>
        <translation>资产树(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dead letters</source>
        <translation>死信(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Filter assets</source>
        <translation>筛选资产(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New plot</source>
        <translation>添加趋势图(&amp;N)</translation>
    </message>
    <message>
        <source>Add an empty plot below the others (Ctrl+N)</source>
        <translation>在其他趋势图下方添加空白趋势图（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Close current plot</source>
        <translation>关闭目前的趋势图(&amp;C)</translation>
    </message>
    <message>
        <source>Follow / &amp;pause current plot</source>
        <translation>跟随/暂停目前的趋势图(&amp;P)</translation>
    </message>
    <message>
        <source>Space does the same while a plot has the focus</source>
        <translation>趋势图取得焦点时，按空格键效果相同</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About NDH Console</source>
        <translation>关于 NDH 操作台(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Records read from the data source per second</source>
        <translation>每秒从数据源读取的记录数</translation>
    </message>
    <message>
        <source>Events decoded and applied since start</source>
        <translation>启动以来已解码并套用的事件数</translation>
    </message>
    <message>
        <source>Records that could not be decoded. Click to show them.</source>
        <translation>无法解码的记录。单击以显示。</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <source>Dead letters: %1</source>
        <translation>死信：%1</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>Time slider</source>
        <translation>时间滑块</translation>
    </message>
    <message>
        <source>Load &amp;history…</source>
        <translation>加载历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Read a time range from Kafka into the history (Ctrl+Shift+H)</source>
        <translation>从 Kafka 读取一段时间范围到历史（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>历史(&amp;I)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Alarm KPIs</source>
        <translation>报警 KPI</translation>
    </message>
    <message>
        <source>A&amp;larms</source>
        <translation>报警(&amp;L)</translation>
    </message>
    <message>
        <source>Alarm &amp;KPIs</source>
        <translation>报警 KPI(&amp;K)</translation>
    </message>
    <message>
        <source>Cannot plot %1</source>
        <translation>无法绘制 %1</translation>
    </message>
    <message>
        <source>the dock arrangement is damaged or from another version</source>
        <translation>面板布局已损坏或来自其他版本</translation>
    </message>
    <message>
        <source>Layout “%1” cannot be used: %2. The default layout is shown.</source>
        <translation>无法使用布局“%1”：%2。已改为显示默认布局。</translation>
    </message>
    <message>
        <source>Cannot use the layout %1: %2. The default layout is shown.</source>
        <translation>无法使用布局 %1：%2。已改为显示默认布局。</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>&amp;Command palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <source>Find an action, asset or topic by name (Ctrl+Shift+P)</source>
        <translation>按名称查找动作、资产或主题（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save layout as…</source>
        <translation>另存布局(&amp;S)…</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>保存布局</translation>
    </message>
    <message>
        <source>Name of this layout:</source>
        <translation>此布局的名称：</translation>
    </message>
    <message>
        <source>E&amp;xport layout…</source>
        <translation>导出布局(&amp;X)…</translation>
    </message>
    <message>
        <source>Export layout</source>
        <translation>导出布局</translation>
    </message>
    <message>
        <source>Layouts (*.ndhlayout);;All files (*)</source>
        <translation>布局 (*.ndhlayout);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Import layout…</source>
        <translation>导入布局(&amp;I)…</translation>
    </message>
    <message>
        <source>Import layout</source>
        <translation>导入布局</translation>
    </message>
    <message>
        <source>&amp;Reset to the default layout</source>
        <translation>重置为默认布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>主题 %1</translation>
    </message>
    <message>
        <source>Connection health</source>
        <translation>连接状况</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Browse Kafka topics, messages and consumer groups (Ctrl+Shift+T)</source>
        <translation>浏览 Kafka 主题、消息与消费者组（Ctrl+Shift+T）</translation>
    </message>
</context>
<context>
    <name>ndh::MessageDetailView</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>消息头</translation>
    </message>
    <message>
        <source>Envelope</source>
        <translation>信封格式</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>消息头</translation>
    </message>
    <message>
        <source>Select a message to see it in full.</source>
        <translation>选取消息以查看完整内容。</translation>
    </message>
    <message>
        <source>%1 [%2] @ %3</source>
        <translation>%1 [%2] @ %3</translation>
    </message>
    <message>
        <source>create time %1 (set by the producer)</source>
        <translation>创建时间 %1（由生产者设置）</translation>
    </message>
    <message>
        <source>log-append time %1 (set by the broker)</source>
        <translation>写入日志时间 %1（由 Broker 设置）</translation>
    </message>
    <message>
        <source>no timestamp</source>
        <translation>无时间戳记</translation>
    </message>
    <message>
        <source> · event time %1</source>
        <translation> · 事件时间 %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>null (tombstone)</source>
        <translation>null（tombstone 删除标记）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message numerus="yes">
        <source>key %1 · value %2 · %n header(s)</source>
        <translation>
            <numerusform>键 %1 · 值 %2 · %n 个消息头</numerusform>
        </translation>
    </message>
    <message>
        <source> · broker %1</source>
        <translation> · Broker %1</translation>
    </message>
    <message>
        <source>decoded as</source>
        <translation>解码为</translation>
    </message>
    <message>
        <source>not decoded: %1</source>
        <translation>未解码：%1</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(not JSON: see the Text and Hex tabs)</source>
        <translation>（不是 JSON：请看“文本”与“十六进制”分页）</translation>
    </message>
    <message>
        <source>(null value: a tombstone)</source>
        <translation>（null 值：tombstone 删除标记）</translation>
    </message>
    <message>
        <source>(not UTF-8: bytes outside printable ASCII are shown as \xNN; the Hex tab has them all)

</source>
        <translation>（不是 UTF-8：可打印 ASCII 以外的字节显示为 \xNN；“十六进制”分页有完整内容）

</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>（null）</translation>
    </message>
</context>
<context>
    <name>ndh::MessageFilter</name>
    <message>
        <source>no value (tombstone)</source>
        <translation>无值（tombstone 删除标记）</translation>
    </message>
    <message>
        <source>JSON field test, %1</source>
        <translation>JSON 字段条件，%1</translation>
    </message>
</context>
<context>
    <name>ndh::MessageTableModel</name>
    <message>
        <source>tombstone</source>
        <translation>tombstone 删除标记</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>（null）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(no time)</source>
        <translation>（无时间）</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Log-append time (set by the broker)</source>
        <translation>写入日志时间（由 Broker 设置）</translation>
    </message>
    <message>
        <source>Create time (set by the producer)</source>
        <translation>创建时间（由生产者设置）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Envelope</source>
        <translation>信封格式</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>ndh::OperatorControls</name>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>操作员(&amp;O)</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Send &amp;command…</source>
        <translation>发送命令(&amp;C)…</translation>
    </message>
    <message>
        <source>Select an asset in the tree first.</source>
        <translation>请先在资产树中选取资产。</translation>
    </message>
    <message>
        <source>Commands &amp;panel</source>
        <translation>命令跟踪面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <source>Send command to asset…</source>
        <translation>对资产发送命令…</translation>
    </message>
    <message>
        <source>Audit log cannot be written (%1): commands and alarm actions are refused.</source>
        <translation>无法写入审计记录（%1）：命令与报警操作一律拒绝。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source> · AUDIT LOG UNWRITABLE</source>
        <translation> · 审计记录无法写入</translation>
    </message>
    <message>
        <source> · audit log damaged</source>
        <translation> · 审计记录已损坏</translation>
    </message>
    <message>
        <source>Signed-in user and role. Operator &gt; Sign in… to change.</source>
        <translation>已登录的用户与角色。可在“操作员 &gt; 登录…”变更。</translation>
    </message>
    <message>
        <source>Send a command to the selected asset</source>
        <translation>对所选资产发送命令</translation>
    </message>
    <message>
        <source>Send command to %1</source>
        <translation>对 %1 发送命令</translation>
    </message>
    <message>
        <source>No commands configured for %1</source>
        <translation>%1 没有设置命令</translation>
    </message>
    <message>
        <source>No commands are configured for asset type %1.</source>
        <translation>资产类型 %1 没有设置命令。</translation>
    </message>
    <message>
        <source>Command sent to %1; follow it in the Commands panel.</source>
        <translation>命令已送往 %1；请在命令面板中追踪。</translation>
    </message>
    <message>
        <source>Command not sent</source>
        <translation>命令未发送</translation>
    </message>
    <message>
        <source>Command not sent: %1</source>
        <translation>命令未发送：%1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已以 %1 登录</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 完成</translation>
    </message>
    <message>
        <source>%1 FAILED</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>%1 no reply</source>
        <translation>%1 无回应</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%2 上的 %1：%3</translation>
    </message>
    <message>
        <source> · verifying audit log…</source>
        <translation> · 正在验证审计记录…</translation>
    </message>
</context>
<context>
    <name>ndh::Parser</name>
    <message>
        <source>the expression is empty</source>
        <translation>表达式是空的</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation>非预期的 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the text starting here has no closing %1</source>
        <translation>从这里开始的文本没有结尾的 %1</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>非预期的字符 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>end of text</source>
        <translation>文本结尾</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;(&apos; at column %1</source>
        <translation>需要 &apos;)&apos; 来结束第 %1 列的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>more than %1 tests in one expression</source>
        <translation>一个表达式中超过 %1 个条件</translation>
    </message>
    <message>
        <source>expected a field name such as event_data.new_value, found &apos;%1&apos;</source>
        <translation>需要字段名称，例如 event_data.new_value，却看到 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a field name after &apos;.&apos;</source>
        <translation>&apos;.&apos; 之后需要字段名称</translation>
    </message>
    <message>
        <source>expected an array index (0, 1, ...) after &apos;[&apos;</source>
        <translation>&apos;[&apos; 之后需要数组索引（0, 1, ...）</translation>
    </message>
    <message>
        <source>expected &apos;]&apos;</source>
        <translation>需要 &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>&apos;%1&apos; 之后需要一个值</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares numbers or text, not %2</source>
        <translation>&apos;%1&apos; 比较的是数值或文本，不是 %2</translation>
    </message>
</context>
<context>
    <name>ndh::PlotArea</name>
    <message>
        <source>No plots open.

Press Ctrl+N for a new plot, or double-click an attribute in the asset tree to plot it.</source>
        <translation>没有打开的趋势图。

按 Ctrl+N 添加趋势图，或在资产树中双击属性即可绘制。</translation>
    </message>
    <message>
        <source>At most %1 plots fit; close one first.</source>
        <translation>最多只能放 %1 个趋势图；请先关闭一个。</translation>
    </message>
</context>
<context>
    <name>ndh::PlotPanel</name>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Close plot</source>
        <translation>关闭趋势图</translation>
    </message>
    <message>
        <source>Follow the newest data (Space).
Dragging or zooming the plot pauses it; this resumes.</source>
        <translation>跟随最新数据（空格键）。
拖动或缩放趋势图会暂停跟随；按此继续。</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>时间窗：</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Length of time shown while following</source>
        <translation>跟随时显示的时间长度</translation>
    </message>
    <message>
        <source>Remove every curve from this plot</source>
        <translation>移除此趋势图上的所有曲线</translation>
    </message>
    <message>
        <source>Close this plot</source>
        <translation>关闭此趋势图</translation>
    </message>
    <message>
        <source>Double-click or drag an attribute here to plot it</source>
        <translation>双击或把属性拖动到这里即可绘制</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom time, Ctrl+wheel to zoom values.
Double-click a legend entry to remove its curve.</source>
        <translation>拖动可平移，滚轮缩放时间，Ctrl+滚轮缩放数值。
双击图实例目可移除其曲线。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 / %2 [%3]</source>
        <translation>%1 / %2 [%3]</translation>
    </message>
    <message>
        <source>%1 is already on this plot.</source>
        <translation>%1 已在此趋势图上。</translation>
    </message>
    <message>
        <source>A plot shows at most %1 curves; open another plot with Ctrl+N.</source>
        <translation>一个趋势图最多显示 %1 条曲线；请用 Ctrl+N 打开另一个趋势图。</translation>
    </message>
    <message>
        <source>%1 is not a number and cannot be plotted.</source>
        <translation>%1 不是数值，无法绘制。</translation>
    </message>
    <message>
        <source>Paused — Space or Follow resumes</source>
        <translation>已暂停 — 按空格键或“跟随”继续</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Remove curve</source>
        <translation>移除曲线</translation>
    </message>
    <message>
        <source>Show all data</source>
        <translation>显示全部数据</translation>
    </message>
    <message>
        <source>older samples dropped: memory budget</source>
        <translation>已丢弃较旧的样本：内存预算</translation>
    </message>
    <message>
        <source>The live buffers of all plots share a memory budget; this plot&apos;s oldest live samples were dropped to stay within it.
Zooming or panning back draws them from the history store.</source>
        <translation>所有图表的实时缓冲区共用一份内存预算；为了不超出预算，已丢弃此图表最旧的实时样本。
缩放或平移回去时会从历史数据库绘出这些样本。</translation>
    </message>
    <message>
        <source>Pause and show everything known of these curves (Home)</source>
        <translation>暂停并显示这些曲线的全部已知数据 (Home)</translation>
    </message>
</context>
<context>
    <name>ndh::RedisClient</name>
    <message>
        <source>Redis at %1: SUBSCRIBE failed: %2</source>
        <translation>Redis %1：SUBSCRIBE 失败：%2</translation>
    </message>
    <message>
        <source>Redis at %1: reading the state failed: %2</source>
        <translation>Redis %1：读取状态失败：%2</translation>
    </message>
    <message>
        <source>key %1 under the state prefix is not a hash</source>
        <translation>状态前缀下的键 %1 不是哈希</translation>
    </message>
    <message>
        <source>reading key %1 failed: %2</source>
        <translation>读取键 %1 失败：%2</translation>
    </message>
    <message>
        <source>state hash %1 is %2 bytes, more than the %3 bytes allowed</source>
        <translation>状态哈希 %1 有 %2 字节，超过允许的 %3 字节</translation>
    </message>
    <message>
        <source>reading state: %1 assets</source>
        <translation>正在读取状态：%1 个资产</translation>
    </message>
    <message>
        <source>state hash %1 has no &apos;id&apos; field</source>
        <translation>状态哈希 %1 没有 &apos;id&apos; 字段</translation>
    </message>
    <message>
        <source>state hash %1: %2</source>
        <translation>状态哈希 %1：%2</translation>
    </message>
    <message>
        <source>Redis at %1 stopped delivering messages (nothing for %2 ms)</source>
        <translation>Redis %1 停止发送消息（%2 毫秒内没有任何消息）</translation>
    </message>
    <message>
        <source>no heartbeat: this Redis user may not PUBLISH to %1 (%2); a subscription that stops delivering while connected is not detected</source>
        <translation>没有心跳：此 Redis 用户不能 PUBLISH 到 %1（%2）；连接中订阅停止发送时将无法侦测</translation>
    </message>
    <message>
        <source>no live updates: this Redis user may not SUBSCRIBE to the NDH channels; the state is read on connect only (%1)</source>
        <translation>没有实时更新：此 Redis 用户不得 SUBSCRIBE NDH 频道；状态只在连接时读取（%1）</translation>
    </message>
    <message>
        <source>field &apos;attributes&apos; of state hash %1 is not a JSON object of attributes: %2</source>
        <translation>状态哈希 %1 的字段 &apos;attributes&apos; 不是属性的 JSON 对象：%2</translation>
    </message>
</context>
<context>
    <name>ndh::RedisQtAdapter</name>
    <message>
        <source>Redis refused the user name or password</source>
        <translation>Redis 拒绝了用户名或密码</translation>
    </message>
    <message>
        <source>Redis requires a password (set NDH_REDIS_PASSWORD)</source>
        <translation>Redis 需要密码（请设置 NDH_REDIS_PASSWORD）</translation>
    </message>
    <message>
        <source>the Redis user is not allowed to do this (ACL)</source>
        <translation>此 Redis 用户没有权限运行此操作（ACL）</translation>
    </message>
    <message>
        <source>the key holds a different data type</source>
        <translation>此键的数据类型不同</translation>
    </message>
    <message>
        <source>a password was given but the Redis server has none configured</source>
        <translation>提供了密码，但 Redis 服务器未设置密码</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Cannot reach Redis at %1: %2</source>
        <translation>无法连接到 Redis %1：%2</translation>
    </message>
    <message>
        <source>Redis at %1 did not answer within %2 ms</source>
        <translation>Redis %1 在 %2 毫秒内没有回应</translation>
    </message>
    <message>
        <source>Redis at %1 stopped answering (no reply within %2 ms)</source>
        <translation>Redis %1 停止回应（%2 毫秒内无回复）</translation>
    </message>
    <message>
        <source>Redis at %1: %2 failed: %3</source>
        <translation>Redis %1：%2 失败：%3</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>Lost the connection to Redis at %1: %2</source>
        <translation>与 Redis %1 的连接中断：%2</translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation>服务器关闭了连接</translation>
    </message>
</context>
<context>
    <name>ndh::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>界面主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Set by --theme on the command line for this session; start without it to choose here.</source>
        <translation>本次会话由命令行的 --theme 指定；不带此选项启动即可在此选择。</translation>
    </message>
    <message>
        <source>A new theme applies at once; a new language the next time NDH Console starts.</source>
        <translation>新的界面主题立即应用；新的语言在下次启动 NDH 操作台时生效。</translation>
    </message>
</context>
<context>
    <name>ndh::ShortcutsDialog</name>
    <message>
        <source>Main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Double-click / Enter</source>
        <translation>双击/Enter</translation>
    </message>
    <message>
        <source>Plot the selected attribute on the current plot</source>
        <translation>将所选属性绘制到目前的趋势图</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Drag attributes from the tree onto any plot</source>
        <translation>把属性从资产树拖动到任一趋势图</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>Zoom time on a plot (pauses follow)</source>
        <translation>缩放趋势图的时间轴（暂停跟随）</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Zoom values on a plot</source>
        <translation>缩放趋势图的数值轴</translation>
    </message>
    <message>
        <source>Drag on a plot</source>
        <translation>在趋势图上拖动</translation>
    </message>
    <message>
        <source>Pan (pauses follow)</source>
        <translation>平移（暂停跟随）</translation>
    </message>
    <message>
        <source>Double-click legend</source>
        <translation>双击图例</translation>
    </message>
    <message>
        <source>Remove that curve</source>
        <translation>移除该曲线</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>鼠标</translation>
    </message>
</context>
<context>
    <name>ndh::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Viewer: sees everything, acts on nothing</source>
        <translation>查看者：可看全部，不能操作</translation>
    </message>
    <message>
        <source>Operator: commands and alarm actions</source>
        <translation>操作员：命令与报警操作</translation>
    </message>
    <message>
        <source>Engineer: also re-publishing and configuration</source>
        <translation>工程师：另可重新发布与设置组态</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Every sign-in, command and alarm action is written to the audit log with this name.</source>
        <translation>每次登录、命令与报警操作都会以此名称写入审计记录。</translation>
    </message>
</context>
<context>
    <name>ndh::TimeSlider</name>
    <message>
        <source>Go &amp;live</source>
        <translation>回到实时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Play / pause history</source>
        <translation>播放/暂停历史(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;revious event</source>
        <translation>上一个事件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next event</source>
        <translation>下一个事件(&amp;N)</translation>
    </message>
    <message>
        <source>Jump to &amp;date and time…</source>
        <translation>跳至日期与时间(&amp;D)…</translation>
    </message>
    <message>
        <source>Jump to &amp;alarm…</source>
        <translation>跳至报警(&amp;A)…</translation>
    </message>
    <message>
        <source>Show the plant as it is now (Ctrl+L)</source>
        <translation>显示工厂目前的状态（Ctrl+L）</translation>
    </message>
    <message>
        <source>Replay history from the slider&apos;s instant at the chosen speed (Ctrl+Shift+Space)</source>
        <translation>从滑块所在时刻以所选速度回放历史（Ctrl+Shift+Space）</translation>
    </message>
    <message>
        <source>Show the plant at a date and time (Ctrl+T)</source>
        <translation>显示工厂在某日期时间的状态（Ctrl+T）</translation>
    </message>
    <message>
        <source>Show the plant at the moment an alarm was raised (Ctrl+J)</source>
        <translation>显示工厂在报警发生当下的状态（Ctrl+J）</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Previous event of the selected asset, or of any asset (Alt+Left)</source>
        <translation>所选资产（或任一资产）的上一个事件（Alt+Left）</translation>
    </message>
    <message>
        <source>Next event of the selected asset, or of any asset (Alt+Right)</source>
        <translation>所选资产（或任一资产）的下一个事件（Alt+Right）</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>前往…</translation>
    </message>
    <message>
        <source>Alarm…</source>
        <translation>报警…</translation>
    </message>
    <message>
        <source>any asset</source>
        <translation>任一资产</translation>
    </message>
    <message>
        <source>P&amp;revious event (%1)</source>
        <translation>上一个事件（%1）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next event (%1)</source>
        <translation>下一个事件（%1）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pause history</source>
        <translation>暂停历史(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play history</source>
        <translation>播放历史(&amp;P)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Replaying %1 at %2× — not live. Ctrl+L or LIVE returns to now.</source>
        <translation>正以 %2× 回放 %1 — 非实时。按 Ctrl+L 或“实时”回到现在。</translation>
    </message>
    <message>
        <source>Viewing %1 — not live. Live data keeps arriving; Ctrl+L or LIVE returns to now.</source>
        <translation>正在查看 %1 — 非实时。实时数据持续接收中；按 Ctrl+L 或“实时”回到现在。</translation>
    </message>
    <message>
        <source>History before %1 was thinned to stay within memory: values shown are the last kept.</source>
        <translation>%1 之前的历史已精简以控制内存用量：显示的是最后保留的值。</translation>
    </message>
    <message>
        <source>Jump to date and time</source>
        <translation>跳至日期与时间</translation>
    </message>
    <message>
        <source>History known from %1 to %2.</source>
        <translation>已知历史从 %1 到 %2。</translation>
    </message>
    <message>
        <source>Show the plant at:</source>
        <translation>显示工厂状态的时间：</translation>
    </message>
    <message>
        <source>%1  %2  %3 · %4  %5</source>
        <translation>%1  %2  %3 · %4  %5</translation>
    </message>
    <message>
        <source>No alarms raised yet</source>
        <translation>尚未发生报警</translation>
    </message>
    <message>
        <source>Show the plant as it was at the end of %1 (Ctrl+L)</source>
        <translation>显示 %1 结尾时的工厂状态 (Ctrl+L)</translation>
    </message>
    <message>
        <source>END</source>
        <translation>结尾</translation>
    </message>
    <message>
        <source>Go to the &amp;end of the log</source>
        <translation>跳到日志结尾(&amp;E)</translation>
    </message>
    <message>
        <source>End of log</source>
        <translation>日志结尾</translation>
    </message>
    <message>
        <source>Replaying %1 of %2 at %3×. Ctrl+L or END returns to the end of the log.</source>
        <translation>以 %3× 重放 %2 的 %1。Ctrl+L 或“结尾”回到日志结尾。</translation>
    </message>
    <message>
        <source>Viewing %1 of %2. Ctrl+L or END returns to the end of the log.</source>
        <translation>查看 %2 的 %1。Ctrl+L 或“结尾”回到日志结尾。</translation>
    </message>
    <message>
        <source>End of log: %1</source>
        <translation>日志结尾：%1</translation>
    </message>
</context>
<context>
    <name>ndh::TopicBrowserPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Re-publishing needs the engineer role.</source>
        <translation>重新发布需要工程师角色。</translation>
    </message>
    <message>
        <source>Filter topics</source>
        <translation>筛选主题</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Show internal topics (names starting with __)</source>
        <translation>显示内部主题（名称以 __ 开头）</translation>
    </message>
    <message>
        <source>Topic / partition</source>
        <translation>主题/分区</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导者</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Select topics (or one partition), then Scan. Double-click scans at once.</source>
        <translation>选取主题（或一个分区）后按“扫描”。双击可立即扫描。</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Watch a group by name</source>
        <translation>按名称监视组</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>监视</translation>
    </message>
    <message>
        <source>Group / partition</source>
        <translation>组/分区</translation>
    </message>
    <message>
        <source>State / members</source>
        <translation>状态/成员</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Lag time</source>
        <translation>延迟时间</translation>
    </message>
    <message>
        <source>Total lag of %1</source>
        <translation>%1 的总延迟</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Topics to scan (comma-separated), or select them on the left</source>
        <translation>要扫描的主题（以逗号分隔），或在左侧选取</translation>
    </message>
    <message>
        <source>From the beginning</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>From the end (follow)</source>
        <translation>从结尾开始（跟随）</translation>
    </message>
    <message>
        <source>From offset</source>
        <translation>从偏移量</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>从时间</translation>
    </message>
    <message>
        <source>Last N per partition</source>
        <translation>每个分区最后 N 条</translation>
    </message>
    <message>
        <source>Until the current end</source>
        <translation>直到目前结尾</translation>
    </message>
    <message>
        <source>Follow (never stop)</source>
        <translation>跟随（不停止）</translation>
    </message>
    <message>
        <source>Until offset</source>
        <translation>直到偏移量</translation>
    </message>
    <message>
        <source>Until time</source>
        <translation>直到时间</translation>
    </message>
    <message>
        <source>After N matches</source>
        <translation>符合 N 条后</translation>
    </message>
    <message>
        <source>Merged by time</source>
        <translation>按时间合并</translation>
    </message>
    <message>
        <source>Per partition</source>
        <translation>按分区</translation>
    </message>
    <message>
        <source>Merged by time: all partitions in record-time order. Per partition: as each partition delivers.</source>
        <translation>按时间合并：所有分区按记录时间排序。按分区：按各分区送达的顺序。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>partition </source>
        <translation>分区 </translation>
    </message>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Part of the key (any case)</source>
        <translation>键的一部分（不分大小写）</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Part of the asset (location/type/id)</source>
        <translation>资产的一部分（地点/类型/编号）</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Part of the event type</source>
        <translation>事件类型的一部分</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Text anywhere in the value (any case)</source>
        <translation>值中任何位置的文本（不分大小写）</translation>
    </message>
    <message>
        <source>JSON test, e.g. event_data.new_value &gt; 100</source>
        <translation>JSON 条件，例如 event_data.new_value &gt; 100</translation>
    </message>
    <message>
        <source>Field tests on the JSON value: == != &gt; &gt;= &lt; &lt;= ~ (contains), and, or, not, parentheses; a bare field means it is set. Example: asset_type == pump and event_data.new_value &gt; 100</source>
        <translation>JSON 值的字段条件：== != &gt; &gt;= &lt; &lt;= ~（包含）、and、or、not、括号；只写字段名称表示该字段存在。例如：asset_type == pump and event_data.new_value &gt; 100</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Read the topics with these settings (F5)</source>
        <translation>以这些设置读取主题（F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>复制为 JSON</translation>
    </message>
    <message>
        <source>The record as kcat -J prints it (Ctrl+C in the list)</source>
        <translation>以 kcat -J 的格式复制记录（在列表中按 Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy kcat command</source>
        <translation>复制 kcat 命令</translation>
    </message>
    <message>
        <source>A kcat command line that fetches exactly this record</source>
        <translation>只取得这条记录的 kcat 命令行</translation>
    </message>
    <message>
        <source>Show asset</source>
        <translation>显示资产</translation>
    </message>
    <message>
        <source>Select this record&apos;s asset in the asset tree</source>
        <translation>在资产树中选取这条记录的资产</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Write the selected records as a log (kcat -J lines)</source>
        <translation>将所选记录写成日志文件（kcat -J 行格式）</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部导出…</translation>
    </message>
    <message>
        <source>Write every record in the list (the filtered result) as a log</source>
        <translation>将列表中的所有记录（筛选结果）写成日志文件</translation>
    </message>
    <message>
        <source>Re-publish…</source>
        <translation>重新发布…</translation>
    </message>
    <message>
        <source>2025-08-03T10:30:00Z or epoch ms</source>
        <translation>2025-08-03T10:30:00Z 或 epoch 毫秒</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>last offset</source>
        <translation>最后偏移量</translation>
    </message>
    <message>
        <source>Publish this record again, to the same or another topic, after editing it</source>
        <translation>编辑后将这条记录再次发布到相同或其他主题</translation>
    </message>
    <message numerus="yes">
        <source>Opened log: %n topic(s)</source>
        <translation>
            <numerusform>已打开的日志文件：%n 个主题</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1（%2:%3）</translation>
    </message>
    <message>
        <source>Brokers: %1 · updated %2</source>
        <translation>Broker：%1 · 更新于 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n part.</source>
        <translation>
            <numerusform>%n 个分区</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>成员 %1</translation>
    </message>
    <message>
        <source>Age of the oldest record the group has not consumed</source>
        <translation>组尚未消费的最旧记录的经过时间</translation>
    </message>
    <message>
        <source>Choose the topics to scan: select them in the cluster list or type their names.</source>
        <translation>请选择要扫描的主题：在集群列表中选取或输入名称。</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least %2, not “%3”</source>
        <translation>%1 必须是至少 %2 的整数，而不是“%3”</translation>
    </message>
    <message>
        <source>%1 must be a time such as 2025-08-03T10:30:00Z or epoch milliseconds, not “%2”</source>
        <translation>%1 必须是时间，例如 2025-08-03T10:30:00Z 或 epoch 毫秒，而不是“%2”</translation>
    </message>
    <message>
        <source>The start offset</source>
        <translation>起始偏移量</translation>
    </message>
    <message>
        <source>The start time</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>The last offset</source>
        <translation>最后偏移量</translation>
    </message>
    <message>
        <source>The stop time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>An opened log does not grow: choose a start and stop within it.</source>
        <translation>已打开的日志文件不会再增加：请在其范围内选择开始与结束。</translation>
    </message>
    <message>
        <source>%1 scanned</source>
        <translation>已扫描 %1</translation>
    </message>
    <message>
        <source>%1 matched</source>
        <translation>符合 %1</translation>
    </message>
    <message>
        <source>%1 older than the start skipped</source>
        <translation>跳过 %1 条早于起点的记录</translation>
    </message>
    <message>
        <source> — connecting…</source>
        <translation> — 连接中…</translation>
    </message>
    <message>
        <source> — scanning</source>
        <translation> — 扫描中</translation>
    </message>
    <message>
        <source> — following new records</source>
        <translation> — 跟随新记录</translation>
    </message>
    <message>
        <source> — done</source>
        <translation> — 完成</translation>
    </message>
    <message>
        <source> — cancelled</source>
        <translation> — 已取消</translation>
    </message>
    <message>
        <source> — failed</source>
        <translation> — 失败</translation>
    </message>
    <message>
        <source>Showing the newest %1 rows: %2 older rows dropped out (the list keeps at most %3 rows and %4 of record data).</source>
        <translation>显示最新的 %1 列：较旧的 %2 列已移除（列表最多保留 %3 列与 %4 的记录数据）。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n record(s) as JSON</source>
        <translation>
            <numerusform>已将 %n 条记录复制为 JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>the selected records</source>
        <translation>所选记录</translation>
    </message>
    <message>
        <source>all records in the list</source>
        <translation>列表中的所有记录</translation>
    </message>
    <message>
        <source>Log (*%1)</source>
        <translation>日志文件 (*%1)</translation>
    </message>
    <message>
        <source>Compressed log (*%1)</source>
        <translation>压缩日志文件 (*%1)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Re-publish a record</source>
        <translation>重新发布记录</translation>
    </message>
    <message numerus="yes">
        <source>Source: %1 [%2] @ %3. Its %n header(s) are re-sent unchanged.</source>
        <translation>
            <numerusform>来源：%1 [%2] @ %3。其 %n 个消息头会原样重新发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Re-publish</source>
        <translation>重新发布</translation>
    </message>
    <message>
        <source>Publish this record to %1? Consumers of that topic will act on it.</source>
        <translation>要将这条记录发布到 %1 吗？该主题的消费者会据此动作。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Offsets %1 to %2</source>
        <translation>偏移量 %1 至 %2</translation>
    </message>
    <message>
        <source>No records; the next gets offset %1</source>
        <translation>没有记录；下一条记录的偏移量为 %1</translation>
    </message>
</context>
<context>
    <name>ndh::TopicBrowserSession</name>
    <message>
        <source>Exported %1 record(s) to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>导出到 %1 失败：%2</translation>
    </message>
    <message>
        <source>An export is still running; wait for it or cancel it first.</source>
        <translation>仍有导出正在进行；请等待完成或先取消。</translation>
    </message>
    <message>
        <source>Writing %1 record(s) to %2…</source>
        <translation>正在写入 %1 条记录到 %2…</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation>已取消导出：未写入 %1</translation>
    </message>
</context>
<context>
    <name>ndh::TopicScanner</name>
    <message>
        <source>Replaced by a new scan</source>
        <translation>已由新的扫描取代</translation>
    </message>
    <message>
        <source>Choose at least one topic to scan</source>
        <translation>请至少选择一个要扫描的主题</translation>
    </message>
    <message>
        <source>Partition %1 does not exist in the chosen topics</source>
        <translation>所选主题中不存在分区 %1</translation>
    </message>
    <message>
        <source>Not on the cluster: %1</source>
        <translation>不在集群上：%1</translation>
    </message>
    <message>
        <source>Started at %1 with the broker&apos;s time index (offsetsForTimes).</source>
        <translation>已使用 Broker 的时间索引（offsetsForTimes）从 %1 开始。</translation>
    </message>
    <message>
        <source>Cannot assign partitions: %1</source>
        <translation>无法指派分区：%1</translation>
    </message>
    <message>
        <source>No log is open</source>
        <translation>没有打开的日志文件</translation>
    </message>
    <message>
        <source>Opened log: records older than %1 are skipped.</source>
        <translation>已打开的日志文件：跳过早于 %1 的记录。</translation>
    </message>
    <message>
        <source>More than %L1 matches waited for a slow partition; the time order is approximate there.</source>
        <translation>超过 %L1 条符合的记录在等待较慢的分区；该处的时间顺序为近似值。</translation>
    </message>
    <message>
        <source>%1 scanned, %2 matched</source>
        <translation>已扫描 %1，符合 %2</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>%1 [%2]: %3</source>
        <translation>%1 [%2]：%3</translation>
    </message>
    <message>
        <source>Stopped after %1 matches: %2</source>
        <translation>找到 %1 条符合后停止：%2</translation>
    </message>
    <message numerus="yes">
        <source>Reached the end of %n partition(s): %1</source>
        <translation>
            <numerusform>已到达 %n 个分区的结尾：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the opened log: %1</source>
        <translation>读取已打开的日志文件：%1</translation>
    </message>
    <message>
        <source>Cancelled while looking for the start time</source>
        <translation>查找起始时间时已取消</translation>
    </message>
    <message numerus="yes">
        <source>(%n partition(s) did not answer in time and are read from where the search got to, skipping older records)</source>
        <translation>
            <numerusform>（%n 个分区未及时响应，从搜索到的位置读取，并跳过较旧的记录）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This cluster does not look up offsets by time (the embedded broker never does): started at the first record from %1, found by a binary search over offsets (%n single record(s) read)</source>
        <translation>
            <numerusform>此集群不支持按时间查找偏移量（内置 Broker 一律不支持）：从 %1 起的第一条记录开始，通过偏移量二分查找找到（读取了 %n 条单条记录）</numerusform>
        </translation>
    </message>
</context>
</TS>
