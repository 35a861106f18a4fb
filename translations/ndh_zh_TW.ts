<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>QObject</name>
    <message>
        <source>Drag to see the plant at another instant.
Left/Right: 1 s, Shift: 1 min, Page Up/Down: a tenth of the span,
Home: the oldest history, End: back to live.</source>
        <translation>拖曳以檢視工廠在另一時刻的狀態。
左/右：1 秒，Shift：1 分鐘，Page Up/Down：範圍的十分之一，
Home：最早的歷史，End：回到即時。</translation>
    </message>
</context>
<context>
    <name>ndh</name>
    <message>
        <source>Kafka SASL password</source>
        <translation>Kafka SASL 密碼</translation>
    </message>
    <message>
        <source>Client key passphrase</source>
        <translation>用戶端金鑰密語</translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation>Redis 密碼</translation>
    </message>
    <message>
        <source>No Kafka record is known here (topic %1, partition %2, offset %3).</source>
        <translation>此處沒有已知的 Kafka 記錄（主題 %1，分區 %2，偏移量 %3）。</translation>
    </message>
    <message>
        <source>Cannot reach %1 [%2] on %3: %4</source>
        <translation>無法連線到 %3 上的 %1 [%2]：%4</translation>
    </message>
    <message>
        <source>Offset %1 of %2 [%3] is no longer on the cluster: retention removed it (the partition now starts at offset %4).</source>
        <translation>%2 [%3] 的偏移量 %1 已不在叢集上：已因保存期限而刪除（分區現在從偏移量 %4 開始）。</translation>
    </message>
    <message>
        <source>Offset %1 of %2 [%3] is not on the cluster (the partition ends before offset %4); was it written to another cluster?</source>
        <translation>%2 [%3] 的偏移量 %1 不在叢集上（分區在偏移量 %4 之前結束）；是否寫入了其他叢集？</translation>
    </message>
    <message>
        <source>Cannot read %1 [%2]: %3</source>
        <translation>無法讀取 %1 [%2]：%3</translation>
    </message>
    <message>
        <source>Offset %1 of %2 [%3] holds no record (compacted, or a transaction marker); the next record is at offset %4.</source>
        <translation>%2 [%3] 的偏移量 %1 沒有記錄（已壓縮或為交易標記）；下一筆記錄在偏移量 %4。</translation>
    </message>
    <message>
        <source>No answer for %1 [%2] offset %3 within %4 s%5</source>
        <translation>%1 [%2] 偏移量 %3 在 %4 秒內沒有回應%5</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>連線到 %1</translation>
    </message>
    <message>
        <source>%1 for profile &quot;%2&quot;:</source>
        <translation>設定檔「%2」的%1：</translation>
    </message>
    <message>
        <source>%1 for profile &quot;%2&quot;
(no system keychain: it is kept in memory until the console quits, never on disk):</source>
        <translation>設定檔「%2」的%1
（沒有系統鑰匙圈：只保存在記憶體中直到操作台結束，絕不寫入磁碟）：</translation>
    </message>
    <message>
        <source>no connection profile &quot;%1&quot; (none saved yet: File &gt; Connections)</source>
        <translation>沒有連線設定檔「%1」（尚未儲存任何設定檔：檔案 &gt; 連線）</translation>
    </message>
    <message>
        <source>no connection profile &quot;%1&quot;; saved profiles: %2</source>
        <translation>沒有連線設定檔「%1」；已儲存的設定檔：%2</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; cannot be used: %2</source>
        <translation>無法使用設定檔「%1」：%2</translation>
    </message>
    <message>
        <source>no password given for profile &quot;%1&quot;</source>
        <translation>設定檔「%1」沒有提供密碼</translation>
    </message>
    <message>
        <source>Welcome to NDH Console</source>
        <translation>歡迎使用 NDH 操作台</translation>
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
        <translation>系統</translation>
    </message>
    <message>
        <source>About NDH Console</source>
        <translation>關於 NDH 操作台</translation>
    </message>
    <message>
        <source>NDH Console %1</source>
        <translation>NDH 操作台 %1</translation>
    </message>
    <message>
        <source>Operator console and engineering workstation for NDH assets on Kafka and Redis.</source>
        <translation>以 Kafka 與 Redis 監看 NDH 資產的操作台與工程工作站。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>複製版本資訊(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ndh::AccessControl</name>
    <message>
        <source>send commands</source>
        <translation>送出命令</translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <translation>確認警報</translation>
    </message>
    <message>
        <source>shelve alarms</source>
        <translation>擱置警報</translation>
    </message>
    <message>
        <source>unshelve alarms</source>
        <translation>解除擱置警報</translation>
    </message>
    <message>
        <source>suppress alarms</source>
        <translation>抑制警報</translation>
    </message>
    <message>
        <source>return alarms to service</source>
        <translation>將警報恢復使用</translation>
    </message>
    <message>
        <source>take alarms out of service</source>
        <translation>將警報停用</translation>
    </message>
    <message>
        <source>reset latched alarms</source>
        <translation>重設自保持警報</translation>
    </message>
    <message>
        <source>re-publish records</source>
        <translation>重新發布記錄</translation>
    </message>
    <message>
        <source>edit the configuration</source>
        <translation>編輯組態</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>檢視稽核記錄</translation>
    </message>
    <message>
        <source>export the audit log</source>
        <translation>匯出稽核記錄</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>檢視者</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作員</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>工程師</translation>
    </message>
    <message>
        <source>To %1 you need the %2 role; you are signed in as %3.</source>
        <translation>要%1需要「%2」角色；您目前以「%3」登入。</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登入</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmBanner</name>
    <message>
        <source>Mute alarm sound</source>
        <translation>警報聲音靜音</translation>
    </message>
    <message>
        <source>Silence the sound played on new critical and high alarms</source>
        <translation>關閉新的緊急與高優先級警報的提示音</translation>
    </message>
    <message>
        <source>%1
Click to select it in the alarm list</source>
        <translation>%1
按一下即可在警報清單中選取</translation>
    </message>
    <message>
        <source>No unacknowledged critical or high alarms</source>
        <translation>沒有未確認的緊急或高優先級警報</translation>
    </message>
    <message>
        <source>Unacknowledged critical/high:</source>
        <translation>未確認的緊急/高優先級：</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 筆</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ndh::AlarmGroupModel</name>
    <message>
        <source>%1 unack</source>
        <translation>%1 筆未確認</translation>
    </message>
    <message>
        <source>1 alarm</source>
        <translation>1 筆警報</translation>
    </message>
    <message>
        <source>%1 alarms</source>
        <translation>%1 筆警報</translation>
    </message>
    <message>
        <source>%1: %2 alarms, %3 unacknowledged</source>
        <translation>%1：%2 筆警報，%3 筆未確認</translation>
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
        <translation>%1 小時 %2 分</translation>
    </message>
    <message>
        <source>Time range the figures are computed over</source>
        <translation>計算這些數字所用的時間範圍</translation>
    </message>
    <message>
        <source>Last hour (live)</source>
        <translation>最近 1 小時（即時）</translation>
    </message>
    <message>
        <source>Last 8 hours (live)</source>
        <translation>最近 8 小時（即時）</translation>
    </message>
    <message>
        <source>Last 24 hours (live)</source>
        <translation>最近 24 小時（即時）</translation>
    </message>
    <message>
        <source>Everything seen (live)</source>
        <translation>全部已接收（即時）</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自訂範圍</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>範圍：</translation>
    </message>
    <message>
        <source>Alarm rate:</source>
        <translation>警報率：</translation>
    </message>
    <message>
        <source>Flood (&gt;10 in 10 min):</source>
        <translation>警報氾濫（10 分鐘內 &gt;10）：</translation>
    </message>
    <message>
        <source>Time in flood:</source>
        <translation>氾濫時間：</translation>
    </message>
    <message>
        <source>Chattering (&gt;3 per min):</source>
        <translation>頻繁跳動（每分鐘 &gt;3）：</translation>
    </message>
    <message>
        <source>Stale (active &gt;24 h):</source>
        <translation>長期未恢復（啟動 &gt;24 小時）：</translation>
    </message>
    <message>
        <source>By priority:</source>
        <translation>依優先級：</translation>
    </message>
    <message>
        <source>Top 10 contributors</source>
        <translation>前 10 名警報來源</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>警報</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>觸發次數</translation>
    </message>
    <message>
        <source>Chattering alarms</source>
        <translation>頻繁跳動的警報</translation>
    </message>
    <message>
        <source>%1 in the last 10 min · %2 per 10 min on average · %3 in range</source>
        <translation>最近 10 分鐘 %1 · 平均每 10 分鐘 %2 · 範圍內共 %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n episode(s))</source>
        <translation>
            <numerusform>%1（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>IN FLOOD: %1 alarms in the last 10 min</source>
        <translation>警報氾濫：最近 10 分鐘 %1 筆警報</translation>
    </message>
    <message>
        <source>no flood</source>
        <translation>無氾濫</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmListView</name>
    <message>
        <source>acknowledge</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>shelve</source>
        <translation>擱置</translation>
    </message>
    <message>
        <source>unshelve</source>
        <translation>解除擱置</translation>
    </message>
    <message>
        <source>remove from service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>return to service</source>
        <translation>恢復使用</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <source>shelved by operator</source>
        <translation>操作員擱置</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>確認(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms</source>
        <translation>確認所選的警報</translation>
    </message>
    <message>
        <source>Acknowledge with &amp;comment…</source>
        <translation>附註確認(&amp;C)…</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms with a comment</source>
        <translation>附上註記確認所選的警報</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;visible</source>
        <translation>確認所有顯示的警報(&amp;V)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alarm the filters show</source>
        <translation>確認篩選結果中所有未確認的警報</translation>
    </message>
    <message>
        <source>&amp;Shelve…</source>
        <translation>擱置(&amp;S)…</translation>
    </message>
    <message>
        <source>Shelve the selected alarms for a while, with a reason</source>
        <translation>暫時擱置所選的警報，並註明原因</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>解除擱置(&amp;U)</translation>
    </message>
    <message>
        <source>Bring shelved alarms back before their shelve expires</source>
        <translation>在擱置到期前提早解除擱置</translation>
    </message>
    <message>
        <source>&amp;Remove from service…</source>
        <translation>停用(&amp;R)…</translation>
    </message>
    <message>
        <source>Take the selected alarms out of service, with a reason</source>
        <translation>停用所選的警報，並註明原因</translation>
    </message>
    <message>
        <source>Return to ser&amp;vice</source>
        <translation>恢復使用(&amp;V)</translation>
    </message>
    <message>
        <source>Return shelved or out-of-service alarms to service</source>
        <translation>將擱置或停用的警報恢復使用</translation>
    </message>
    <message>
        <source>Rese&amp;t latched</source>
        <translation>重設自保持(&amp;T)</translation>
    </message>
    <message>
        <source>Reset latched alarms whose condition has cleared</source>
        <translation>重設條件已消失的自保持警報</translation>
    </message>
    <message>
        <source>&amp;Go to asset</source>
        <translation>前往資產(&amp;G)</translation>
    </message>
    <message>
        <source>Select the alarm&apos;s asset in the asset tree</source>
        <translation>在資產樹中選取此警報的資產</translation>
    </message>
    <message>
        <source>&amp;Plot</source>
        <translation>趨勢圖(&amp;P)</translation>
    </message>
    <message>
        <source>Plot the alarm&apos;s attribute with the alarm time marked</source>
        <translation>繪製警報屬性的趨勢圖並標示警報時間</translation>
    </message>
    <message>
        <source>Kafka &amp;record…</source>
        <translation>Kafka 記錄(&amp;R)…</translation>
    </message>
    <message>
        <source>Where the alarm&apos;s newest record came from (topic, partition, offset)</source>
        <translation>此警報最新記錄的來源（主題、分區、偏移量）</translation>
    </message>
    <message>
        <source>Show alarms of these priorities</source>
        <translation>顯示這些優先級的警報</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>所有優先級</translation>
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
        <translation>未知優先級</translation>
    </message>
    <message>
        <source>Show alarms in these ISA-18.2 states</source>
        <translation>顯示這些 ISA-18.2 狀態的警報</translation>
    </message>
    <message>
        <source>Not normal</source>
        <translation>非正常</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>啟動中</translation>
    </message>
    <message>
        <source>Latched</source>
        <translation>自保持</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已擱置</translation>
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
        <translation>顯示單一地點的警報</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>所有地點</translation>
    </message>
    <message>
        <source>Filter asset, alarm or message</source>
        <translation>篩選資產、警報或訊息</translation>
    </message>
    <message>
        <source>Group by asset</source>
        <translation>依資產分組</translation>
    </message>
    <message>
        <source>Keep each asset&apos;s alarms together</source>
        <translation>將同一資產的警報放在一起</translation>
    </message>
    <message>
        <source>%1 of %2 alarms</source>
        <translation>%1 / %2 筆警報</translation>
    </message>
    <message>
        <source>Your role may not act on alarms</source>
        <translation>您的角色不能操作警報</translation>
    </message>
    <message>
        <source>Return to live to act on alarms</source>
        <translation>請回到即時畫面再操作警報</translation>
    </message>
    <message>
        <source>Not connected to Kafka: actions cannot be published</source>
        <translation>未連線到 Kafka：無法發布操作</translation>
    </message>
    <message>
        <source>Your role may not %1 alarms.</source>
        <translation>您的角色不能%1警報。</translation>
    </message>
    <message>
        <source>Cannot %1: not connected to Kafka.</source>
        <translation>無法%1：未連線到 Kafka。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n %1 action(s); the list updates when Kafka confirms.</source>
        <translation>
            <numerusform>已送出 %n 個「%1」操作；Kafka 確認後清單會更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) already acknowledged: nothing to do.</source>
        <translation>
            <numerusform>%n 筆警報已確認：無須處理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) already acknowledged (last by %1): nothing to do.</source>
        <translation>
            <numerusform>%n 筆警報已確認（最後由 %1 確認）：無須處理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) skipped: %1 does not apply to their state.</source>
        <translation>
            <numerusform>略過 %n 筆警報：「%1」不適用於其狀態。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) no longer exist: nothing to do.</source>
        <translation>
            <numerusform>%n 筆警報已不存在：無須處理。</numerusform>
        </translation>
    </message>
    <message>
        <source>No alarm selected.</source>
        <translation>未選取警報。</translation>
    </message>
    <message>
        <source>Acknowledge with comment</source>
        <translation>附註確認</translation>
    </message>
    <message numerus="yes">
        <source>Comment for %n alarm(s):</source>
        <translation>
            <numerusform>%n 筆警報的註記：</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge all visible</source>
        <translation>確認所有顯示的警報</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alarm of the %n shown?</source>
        <translation>
            <numerusform>確認顯示中的 %n 筆未確認警報？</numerusform>
        </translation>
    </message>
    <message>
        <source>Shelve alarms</source>
        <translation>擱置警報</translation>
    </message>
    <message>
        <source>Why (required), e.g. sensor under repair</source>
        <translation>原因（必填），例如：感測器維修中</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小時</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n 筆警報</numerusform>
        </translation>
    </message>
    <message>
        <source>return to service by themselves when the shelve expires</source>
        <translation>擱置到期後自動恢復</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>時間長度：</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>擱置</translation>
    </message>
    <message>
        <source>unshelved by operator</source>
        <translation>操作員解除擱置</translation>
    </message>
    <message>
        <source>removed from service by operator</source>
        <translation>操作員停用</translation>
    </message>
    <message>
        <source>Remove from service</source>
        <translation>停用</translation>
    </message>
    <message numerus="yes">
        <source>Reason for taking %n alarm(s) out of service:</source>
        <translation>
            <numerusform>停用 %n 筆警報的原因：</numerusform>
        </translation>
    </message>
    <message>
        <source>Not removed from service: a reason is required.</source>
        <translation>未停用：必須填寫原因。</translation>
    </message>
    <message>
        <source>returned to service by operator</source>
        <translation>操作員恢復使用</translation>
    </message>
    <message>
        <source>Kafka confirmed: %1 %2.</source>
        <translation>Kafka 已確認：%1 %2。</translation>
    </message>
    <message>
        <source>Could not %1 %2: %3. Nothing was changed; try again when Kafka is reachable.</source>
        <translation>無法%1 %2：%3。沒有任何變更；請在 Kafka 可連線時再試一次。</translation>
    </message>
    <message>
        <source>Filters cleared to show %1.</source>
        <translation>已清除篩選以顯示 %1。</translation>
    </message>
    <message>
        <source>This alarm names no attribute to plot.</source>
        <translation>此警報沒有可繪製的屬性。</translation>
    </message>
    <message>
        <source>Alarm: %1</source>
        <translation>警報：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>狀態：%1</translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation>發生：%1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>最後變更：%1</translation>
    </message>
    <message>
        <source>Last action by: %1</source>
        <translation>最後操作者：%1</translation>
    </message>
    <message>
        <source>Comment / reason: %1</source>
        <translation>註記/原因：%1</translation>
    </message>
    <message>
        <source>The record behind the newest change is not known.</source>
        <translation>最新變更所對應的記錄不明。</translation>
    </message>
    <message>
        <source>Newest record: topic %1, partition %2, offset %3</source>
        <translation>最新記錄：主題 %1，分區 %2，偏移量 %3</translation>
    </message>
    <message>
        <source>Broker time: %1</source>
        <translation>Broker 時間：%1</translation>
    </message>
    <message>
        <source>Fetch it with kcat:</source>
        <translation>用 kcat 取得：</translation>
    </message>
    <message>
        <source>Newest record: %1 %2</source>
        <translation>最新記錄：%1 %2</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Redis 頻道</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Line / position: %1</source>
        <translation>行/位置：%1</translation>
    </message>
    <message>
        <source>Record behind the alarm</source>
        <translation>警報對應的記錄</translation>
    </message>
    <message numerus="yes">
        <source>[… %n more byte(s) not shown]</source>
        <translation>
            <numerusform>[… 另有 %n 位元組未顯示]</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic %1, partition %2, offset %3</source>
        <translation>主題 %1，分區 %2，偏移量 %3</translation>
    </message>
    <message>
        <source>log append time</source>
        <translation>寫入日誌時間</translation>
    </message>
    <message>
        <source>create time</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Timestamp: %1 (%2)</source>
        <translation>時間戳記：%1（%2）</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>鍵：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Header %1: %2</source>
        <translation>標頭 %1：%2</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>（null）</translation>
    </message>
    <message>
        <source>Payload: none (a tombstone)</source>
        <translation>內容：無（tombstone 刪除標記）</translation>
    </message>
    <message numerus="yes">
        <source>Payload (%n byte(s)):</source>
        <translation>
            <numerusform>內容（%n 位元組）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the record from Kafka…</source>
        <translation>正在從 Kafka 讀取記錄…</translation>
    </message>
    <message>
        <source>Could not read the record: %1</source>
        <translation>無法讀取記錄：%1</translation>
    </message>
</context>
<context>
    <name>ndh::AlarmPriority</name>
    <message>
        <source>Critical</source>
        <translation>緊急</translation>
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
        <translation>最後操作者 %1</translation>
    </message>
    <message>
        <source>Shelved until %1</source>
        <translation>擱置至 %1</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>發生時間</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先級</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>資產</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>警報</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Value at trigger</source>
        <translation>觸發時的值</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>持續時間</translation>
    </message>
</context>
<context>
    <name>ndh::AssetTreeFilterModel</name>
    <message>
        <source>No new value for %1: the value may be stale.</source>
        <translation>%1 沒有新值：此值可能已過時。</translation>
    </message>
    <message>
        <source>Asset is not in service (%1).</source>
        <translation>資產未運轉（%1）。</translation>
    </message>
</context>
<context>
    <name>ndh::AssetTreeModel</name>
    <message>
        <source>%1 = %2 %3
From %4, %5 ago.%6
Double-click or drag onto a plot to chart it.</source>
        <translation>%1 = %2 %3
來自 %4，%5 前。%6
按兩下或拖曳到趨勢圖上即可繪製。</translation>
    </message>
    <message>
        <source>
Stale: no live source has refreshed it for more than %1 s.</source>
        <translation>
已過時：超過 %1 秒沒有即時來源更新。</translation>
    </message>
    <message>
        <source>%1 = %2 %3
Double-click or drag onto a plot to chart it.</source>
        <translation>%1 = %2 %3
按兩下或拖曳到趨勢圖上即可繪製。</translation>
    </message>
    <message>
        <source>Asset / attribute</source>
        <translation>資產/屬性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>經過時間</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新時間</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
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
        <translation>檔案</translation>
    </message>
</context>
<context>
    <name>ndh::AssetTreeView</name>
    <message>
        <source>Filter: location, type, asset or attribute (Ctrl+F)</source>
        <translation>篩選：地點、類型、資產或屬性（Ctrl+F）</translation>
    </message>
    <message>
        <source>Every word must appear in the row&apos;s path, e.g. &quot;hall-a pressure&quot;.
Esc clears the filter.</source>
        <translation>每個字都必須出現在該列的路徑中，例如「hall-a pressure」。
Esc 清除篩選。</translation>
    </message>
    <message>
        <source>Waiting for data from the plant…

Assets appear here as their events arrive.</source>
        <translation>正在等待工廠資料…

資產會隨事件到達而出現在這裡。</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.

Press Esc to clear the filter.</source>
        <translation>沒有符合「%1」的項目。

按 Esc 清除篩選。</translation>
    </message>
</context>
<context>
    <name>ndh::AuditLog</name>
    <message numerus="yes">
        <source>Audit log intact: %n record(s), every checksum verified.</source>
        <translation>
            <numerusform>稽核記錄完整：%n 筆記錄，所有校驗碼均已驗證。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>正在驗證稽核記錄…</translation>
    </message>
</context>
<context>
    <name>ndh::AuditLogView</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
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
        <translation>主機</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>資產</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>參數</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>關聯 ID</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>稽核記錄</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>檔案：%1</translation>
    </message>
    <message>
        <source>Filter: user, asset, correlation id, outcome…</source>
        <translation>篩選：使用者、資產、關聯 ID、結果…</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export audit records</source>
        <translation>匯出稽核記錄</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON lines, with checksums (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON 行格式，含校驗碼 (*.jsonl)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Audit entries of %1</source>
        <translation>%1 的稽核記錄</translation>
    </message>
    <message>
        <source>Incident bundle: %1 (the audit entries of its period; read-only)</source>
        <translation>事件包：%1（該期間的稽核記錄；唯讀）</translation>
    </message>
</context>
<context>
    <name>ndh::ClusterWatcher</name>
    <message>
        <source>The cluster did not list its consumer groups (%1); only groups watched by name are shown.</source>
        <translation>叢集沒有列出其消費者群組（%1）；只顯示依名稱監看的群組。</translation>
    </message>
    <message>
        <source>No consumer groups on the cluster. Watch one by name to follow its lag.</source>
        <translation>叢集上沒有消費者群組。請依名稱監看一個群組以追蹤其延遲。</translation>
    </message>
    <message>
        <source>Too many groups watched</source>
        <translation>監看的群組太多</translation>
    </message>
    <message>
        <source>Cannot read committed offsets: %1</source>
        <translation>無法讀取已提交的偏移量：%1</translation>
    </message>
    <message>
        <source>No committed offsets</source>
        <translation>沒有已提交的偏移量</translation>
    </message>
</context>
<context>
    <name>ndh::ColumnFit</name>
    <message>
        <source>Fit columns to the view</source>
        <translation>調整欄寬以符合檢視</translation>
    </message>
</context>
<context>
    <name>ndh::CommandDialog</name>
    <message>
        <source>Send command to %1</source>
        <translation>對 %1 送出命令</translation>
    </message>
    <message>
        <source>Asset: %1 (%2, %3)</source>
        <translation>資產：%1（%2，%3）</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>送出(&amp;S)…</translation>
    </message>
    <message>
        <source>The command configuration has no commands for asset type %1.</source>
        <translation>命令組態中沒有資產類型 %1 的命令。</translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation>%1 為 %2 %3</translation>
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
        <translation>請選擇命令。</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to %2 (%3 at %4)?

%5</source>
        <translation>要對 %2（%4 的 %3）送出「%1」嗎？

%5</translation>
    </message>
    <message>
        <source>Effect: %1</source>
        <translation>作用：%1</translation>
    </message>
    <message>
        <source>Asks for confirmation, then sends.</source>
        <translation>先要求確認，再送出。</translation>
    </message>
    <message>
        <source>Confirm command</source>
        <translation>確認命令</translation>
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
        <translation>尋找動作、資產或主題</translation>
    </message>
    <message>
        <source>Type an action, asset or topic name… (Enter runs, Esc closes)</source>
        <translation>輸入動作、資產或主題名稱…（Enter 執行，Esc 關閉）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>資產</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
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
        <translation>%1 個命令，%2 個等待中，%3 個已完成，%4 個失敗，%5 個逾時，%6 個結果不明</translation>
    </message>
    <message>
        <source>; %1 replies seen for commands of other consoles or systems</source>
        <translation>；看到 %1 個其他操作台或系統的命令回覆</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Passwords are kept in the system keychain, never in the settings file.</source>
        <translation>密碼保存在系統鑰匙圈中，絕不寫入設定檔。</translation>
    </message>
    <message>
        <source>No system keychain is available: passwords are kept in memory only and asked again at the next start. They are never written to disk.</source>
        <translation>沒有可用的系統鑰匙圈：密碼只保存在記憶體中，下次啟動時會再次詢問。密碼絕不寫入磁碟。</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>連線(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Start the &amp;demo plant</source>
        <translation>啟動示範工廠(&amp;D)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <source>Kafka cluster</source>
        <translation>Kafka 叢集</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>設定檔名稱</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>啟動伺服器</translation>
    </message>
    <message>
        <source>Security protocol</source>
        <translation>安全協定</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL 機制</translation>
    </message>
    <message>
        <source>SASL user</source>
        <translation>SASL 使用者</translation>
    </message>
    <message>
        <source>SASL password</source>
        <translation>SASL 密碼</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>憑證 (*.pem *.crt *.cer);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 檔案</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>用戶端憑證</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>金鑰 (*.pem *.key);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>用戶端金鑰</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>金鑰密語</translation>
    </message>
    <message>
        <source>Verify the brokers&apos; certificates and host names (recommended)</source>
        <translation>驗證 Broker 的憑證與主機名稱（建議）</translation>
    </message>
    <message>
        <source>Verification is OFF: anyone on the network path can pose as this cluster. The console shows this in the connection health view.</source>
        <translation>驗證已關閉：網路路徑上的任何人都能冒充此叢集。操作台會在連線狀況檢視中顯示這一點。</translation>
    </message>
    <message>
        <source>Unique to this console (recommended)</source>
        <translation>此操作台專用（建議）</translation>
    </message>
    <message>
        <source>Fixed group id</source>
        <translation>固定群組 ID</translation>
    </message>
    <message>
        <source>The console reads every partition itself, so each console sees every alarm whatever the group. The id names the console to the cluster (ACLs, quotas).</source>
        <translation>操作台會自行讀取每個分區，因此不論群組為何，每個操作台都能看到所有警報。此 ID 用來向叢集識別操作台（ACL、配額）。</translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation>消費者群組</translation>
    </message>
    <message>
        <source>Group id (or prefix)</source>
        <translation>群組 ID（或前綴）</translation>
    </message>
    <message>
        <source>empty: the standard NDH topics</source>
        <translation>空白：標準 NDH 主題</translation>
    </message>
    <message>
        <source>Topics (comma-separated)</source>
        <translation>主題（以逗號分隔）</translation>
    </message>
    <message>
        <source>one per line: topic pattern=ndh|drone|domain (others are sniffed)</source>
        <translation>每行一個：主題樣式=ndh|drone|domain（其他自動偵測）</translation>
    </message>
    <message>
        <source>Envelopes</source>
        <translation>信封格式</translation>
    </message>
    <message>
        <source>Redis server</source>
        <translation>Redis 伺服器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>ACL user</source>
        <translation>ACL 使用者</translation>
    </message>
    <message>
        <source>Needs a password</source>
        <translation>需要密碼</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Turn off TLS verification?</source>
        <translation>要關閉 TLS 驗證嗎？</translation>
    </message>
    <message>
        <source>Without verification the console cannot tell the real cluster from an impostor, and passwords may be sent to it.</source>
        <translation>沒有驗證時，操作台無法分辨真正的叢集與冒充者，密碼可能會被送給對方。</translation>
    </message>
    <message>
        <source>Turn verification off</source>
        <translation>關閉驗證</translation>
    </message>
    <message>
        <source>Create a profile with New.</source>
        <translation>請用「新增」建立設定檔。</translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation>已有其他設定檔名為「%1」。</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>新叢集</translation>
    </message>
    <message>
        <source>New cluster %1</source>
        <translation>新叢集 %1</translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation>留空則保留已儲存的</translation>
    </message>
    <message>
        <source>asked at each start if left empty</source>
        <translation>留空則每次啟動時詢問</translation>
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
        <translation>TLS 驗證已關閉：不檢查 Broker 的身分</translation>
    </message>
    <message>
        <source>This connection profile turned off certificate and host name checks. Anyone on the network path could pose as the cluster. Turn verification back on in File &gt; Connections.</source>
        <translation>此連線設定檔關閉了憑證與主機名稱檢查。網路路徑上的任何人都可能冒充此叢集。請在「檔案 &gt; 連線」重新開啟驗證。</translation>
    </message>
    <message>
        <source>Kafka %1: %2</source>
        <translation>Kafka %1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 brokers connected</source>
        <translation>%2 個 Broker 中已連線 %1 個</translation>
    </message>
    <message>
        <source>console lag %1 records on %2 partitions</source>
        <translation>操作台在 %2 個分區上延遲 %1 筆記錄</translation>
    </message>
    <message>
        <source>%1 messages/s in</source>
        <translation>每秒接收 %1 則訊息</translation>
    </message>
    <message>
        <source>waiting for the first statistics</source>
        <translation>正在等待第一份統計資料</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>連線設定檔需要名稱。</translation>
    </message>
    <message>
        <source>A profile name cannot contain / or \.</source>
        <translation>設定檔名稱不能包含 / 或 \。</translation>
    </message>
    <message>
        <source>Give at least one Kafka bootstrap server as host:port.</source>
        <translation>請至少提供一個 Kafka 啟動伺服器（host:port）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Kafka server address (host:port).</source>
        <translation>「%1」不是 Kafka 伺服器位址（host:port）。</translation>
    </message>
    <message>
        <source>SASL needs a user name.</source>
        <translation>SASL 需要使用者名稱。</translation>
    </message>
    <message>
        <source>Certificates are set but the security protocol is PLAINTEXT: choose SSL or SASL_SSL.</source>
        <translation>已設定憑證，但安全協定為 PLAINTEXT：請選擇 SSL 或 SASL_SSL。</translation>
    </message>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation>用戶端憑證需要其私密金鑰，金鑰也需要其憑證。</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 檔案</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>用戶端憑證</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>用戶端金鑰</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be read.</source>
        <translation>無法讀取%1「%2」。</translation>
    </message>
    <message>
        <source>A fixed consumer group needs a group id.</source>
        <translation>固定的消費者群組需要群組 ID。</translation>
    </message>
    <message>
        <source>Redis is on but has no address or socket.</source>
        <translation>Redis 已啟用，但沒有位址或通訊端。</translation>
    </message>
    <message>
        <source>The Redis database number must be from 0 to 1000.</source>
        <translation>Redis 資料庫編號必須介於 0 到 1000。</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionStatus</name>
    <message>
        <source>Disconnected</source>
        <translation>已中斷連線</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已連線</translation>
    </message>
    <message>
        <source>Broker down</source>
        <translation>Broker 中斷</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionStatusWidget</name>
    <message>
        <source>Redis: disconnected</source>
        <translation>Redis：已中斷連線</translation>
    </message>
    <message>
        <source>Redis: connecting</source>
        <translation>Redis：連線中</translation>
    </message>
    <message>
        <source>Redis: connected</source>
        <translation>Redis：已連線</translation>
    </message>
    <message>
        <source>Redis down</source>
        <translation>Redis 中斷</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已中斷連線</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已連線</translation>
    </message>
    <message>
        <source>Broker down</source>
        <translation>Broker 中斷</translation>
    </message>
    <message>
        <source>%1 of %2 brokers up</source>
        <translation>%2 個 Broker 中 %1 個正常</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>已持續 %1</translation>
    </message>
    <message>
        <source>Link to the data source: %1</source>
        <translation>資料來源連線：%1</translation>
    </message>
    <message>
        <source>Link to the data source: %1
Last error: %2</source>
        <translation>資料來源連線：%1
最後錯誤：%2</translation>
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
        <translation>%1 小時 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>Redis: offline</source>
        <translation>Redis：離線</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>離線：%1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 records lost to retention</source>
        <translation>%1 筆記錄因保留期限而遺失</translation>
    </message>
    <message>
        <source>%1 records were deleted by the broker (retention) before the console could read them; it went on from the oldest record still there. They are missing from the history.</source>
        <translation>有 %1 筆記錄在主控台讀取之前已被代理伺服器依保留期限刪除；主控台已從仍存在的最舊記錄繼續讀取。這些記錄不在歷史中。</translation>
    </message>
    <message>
        <source>Falling behind</source>
        <translation>落後加劇</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>追趕中</translation>
    </message>
    <message>
        <source>%1 records behind, %2 more each second</source>
        <translation>落後 %1 筆記錄，每秒再多 %2 筆</translation>
    </message>
    <message>
        <source>%1 records behind</source>
        <translation>落後 %1 筆記錄</translation>
    </message>
    <message>
        <source>live in about %1</source>
        <translation>約 %1後即時</translation>
    </message>
    <message>
        <source>Records read of the backlog</source>
        <translation>積壓記錄中已讀取的部分</translation>
    </message>
    <message>
        <source>The console is still reading records it had not read (the topics from their start, or what came during an outage): the values on screen are older than the plant&apos;s. Live again when it has read them.</source>
        <translation>主控台仍在讀取尚未讀取的記錄（主題從開頭讀起，或中斷期間到達的記錄）：畫面上的值比現場的舊。讀完後恢復即時。</translation>
    </message>
</context>
<context>
    <name>ndh::ConnectionsUi</name>
    <message>
        <source>Connection &amp;health</source>
        <translation>連線狀況(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>連線(&amp;C)…</translation>
    </message>
    <message>
        <source>Kafka clusters and Redis servers: addresses, security, certificates</source>
        <translation>Kafka 叢集與 Redis 伺服器：位址、安全性、憑證</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>連線到 %1</translation>
    </message>
    <message>
        <source>The console restarts connected to &quot;%1&quot;. What it shows now is replaced by that plant&apos;s state.</source>
        <translation>操作台將重新啟動並連線到「%1」。目前顯示的內容會換成該工廠的狀態。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連線</translation>
    </message>
</context>
<context>
    <name>ndh::ConsumerLagModel</name>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分區</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>領導者</translation>
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
        <translation>延遲</translation>
    </message>
</context>
<context>
    <name>ndh::DeadLetterModel</name>
    <message>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <source>Topic / channel</source>
        <translation>主題/頻道</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分區</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>內容</translation>
    </message>
</context>
<context>
    <name>ndh::DeadLetterView</name>
    <message>
        <source>Copy raw</source>
        <translation>複製原始內容</translation>
    </message>
    <message>
        <source>Copy hex</source>
        <translation>複製十六進位</translation>
    </message>
    <message>
        <source>No dead letters.

Records that cannot be decoded appear here with the reason and their raw bytes; the console keeps going.</source>
        <translation>沒有死信。

無法解碼的記錄會連同原因與原始位元組顯示在這裡；操作台會繼續運作。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六進位</translation>
    </message>
    <message>
        <source>Copy the payload exactly as received</source>
        <translation>完全依接收內容複製</translation>
    </message>
    <message>
        <source>Copy the hex dump</source>
        <translation>複製十六進位傾印</translation>
    </message>
    <message>
        <source>No records have failed to decode.</source>
        <translation>沒有解碼失敗的記錄。</translation>
    </message>
    <message>
        <source>%1 records could not be decoded; the newest %2 are kept here.</source>
        <translation>%1 筆記錄無法解碼；這裡保留最新的 %2 筆。</translation>
    </message>
    <message>
        <source>1 record could not be decoded.</source>
        <translation>1 筆記錄無法解碼。</translation>
    </message>
    <message>
        <source>%1 records could not be decoded.</source>
        <translation>%1 筆記錄無法解碼。</translation>
    </message>
    <message>
        <source>Select a record to see its raw bytes.</source>
        <translation>選取記錄以檢視其原始位元組。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>, partition %1</source>
        <translation>，分區 %1</translation>
    </message>
    <message>
        <source>, offset %1</source>
        <translation>，偏移量 %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>來源：%1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>鍵：%1</translation>
    </message>
    <message>
        <source>Size: %1 bytes (first %2 kept)</source>
        <translation>大小：%1 位元組（保留前 %2）</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>大小：%1 位元組</translation>
    </message>
    <message>
        <source>… %1 more bytes not shown
</source>
        <translation>… 另有 %1 位元組未顯示
</translation>
    </message>
</context>
<context>
    <name>ndh::EnvelopePublisher</name>
    <message>
        <source>Nothing to publish: no topic or an empty message</source>
        <translation>沒有可發布的內容：沒有主題或訊息為空</translation>
    </message>
    <message>
        <source>Kafka refused the message for %1: %2</source>
        <translation>Kafka 拒絕了送往 %1 的訊息：%2</translation>
    </message>
    <message>
        <source>Not delivered to %1: %2</source>
        <translation>未送達 %1：%2</translation>
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
        <translation>匯出</translation>
    </message>
</context>
<context>
    <name>ndh::FieldExpression::Error</name>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 欄：%2</translation>
    </message>
</context>
<context>
    <name>ndh::FirstRunDialog</name>
    <message>
        <source>Start the demo</source>
        <translation>啟動示範</translation>
    </message>
    <message>
        <source>A simulated plant on a built-in Kafka broker: nothing else to install.</source>
        <translation>內建 Kafka Broker 上的模擬工廠：無須安裝其他軟體。</translation>
    </message>
    <message>
        <source>Connect to a cluster…</source>
        <translation>連線到叢集…</translation>
    </message>
    <message>
        <source>Read the NDH topics of your Kafka cluster (and Redis, if you use it).</source>
        <translation>讀取您 Kafka 叢集上的 NDH 主題（若有使用 Redis 也一併讀取）。</translation>
    </message>
    <message>
        <source>Open a log…</source>
        <translation>開啟記錄檔…</translation>
    </message>
    <message>
        <source>Work offline on an exported log (.jsonl, .jsonl.zst) or an incident bundle (.ndh).</source>
        <translation>離線處理匯出的記錄檔（.jsonl、.jsonl.zst）或事件包（.ndh）。</translation>
    </message>
    <message>
        <source>Welcome to NDH Console</source>
        <translation>歡迎使用 NDH 操作台</translation>
    </message>
    <message>
        <source>What would you like to look at?</source>
        <translation>您想檢視什麼？</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ndh::HistoryBackfill</name>
    <message>
        <source>%1 events from %2 records loaded (%3 partitions sought by time, %4 read from the start and filtered).</source>
        <translation>已從 %2 筆記錄載入 %1 個事件（%3 個分區依時間定位，%4 個從頭讀取並篩選）。</translation>
    </message>
    <message>
        <source>Cannot reach Kafka at %1: %2</source>
        <translation>無法連線到 Kafka %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the offsets of %1 [%2]: %3</source>
        <translation>無法讀取 %1 [%2] 的偏移量：%3</translation>
    </message>
    <message>
        <source>Cannot assign partitions: %1</source>
        <translation>無法指派分區：%1</translation>
    </message>
    <message>
        <source>No records for %1 s before the end of %2 partition(s); is the cluster reachable? (%3)</source>
        <translation>%2 個分區結束前 %1 秒內沒有記錄；叢集是否可連線？（%3）</translation>
    </message>
    <message>
        <source>no error reported</source>
        <translation>未回報錯誤</translation>
    </message>
</context>
<context>
    <name>ndh::IngestBackend</name>
    <message>
        <source>Not connected to Kafka</source>
        <translation>未連線到 Kafka</translation>
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
        <translation>未確認</translation>
    </message>
    <message>
        <source>Acked</source>
        <translation>已確認</translation>
    </message>
    <message>
        <source>RTN-Unack</source>
        <translation>已恢復未確認</translation>
    </message>
    <message>
        <source>Latched-Unack</source>
        <translation>自保持未確認</translation>
    </message>
    <message>
        <source>Latched-Acked</source>
        <translation>自保持已確認</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已擱置</translation>
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
        <translation>已由 NDH_NO_KEYCHAIN 關閉</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>鑰匙圈在 %1 秒內沒有回應</translation>
    </message>
</context>
<context>
    <name>ndh::LayoutFile</name>
    <message>
        <source>not a layout file: %1 at byte %2</source>
        <translation>不是版面檔：第 %2 位元組處%1</translation>
    </message>
    <message>
        <source>not an NDH Console layout (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>不是 NDH 操作台的版面（沒有 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>layout format version %1 is not supported (this console reads up to %2)</source>
        <translation>不支援版面格式版本 %1（此操作台最多可讀取 %2）</translation>
    </message>
    <message>
        <source>the layout&apos;s &quot;%1&quot; is damaged (not base64)</source>
        <translation>版面的「%1」已損壞（不是 base64）</translation>
    </message>
    <message>
        <source>the columns of &quot;%1&quot; are damaged (not base64)</source>
        <translation>「%1」的欄位設定已損壞（不是 base64）</translation>
    </message>
    <message>
        <source>the layout has no dock arrangement</source>
        <translation>此版面沒有面板配置</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than a layout can be (%3)</source>
        <translation>%1 有 %2 位元組，超過版面的上限（%3）</translation>
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
        <translation>%1 小時 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
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
        <translation>Kafka %1（啟動伺服器）</translation>
    </message>
    <message>
        <source>librdkafka state: %1</source>
        <translation>librdkafka 狀態：%1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>往返時間</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重新連線次數</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最後錯誤</translation>
    </message>
    <message>
        <source>In state for</source>
        <translation>持續時間</translation>
    </message>
</context>
<context>
    <name>ndh::LoadHistoryDialog</name>
    <message>
        <source>&amp;Load</source>
        <translation>載入(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel load</source>
        <translation>取消載入(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Load history from Kafka</source>
        <translation>從 Kafka 載入歷史</translation>
    </message>
    <message>
        <source>Records in this range are read from the NDH topics into the history; the live views are not touched. Scrub to them with the time slider.</source>
        <translation>此範圍內的記錄會從 NDH 主題讀入歷史；即時畫面不受影響。可用時間滑桿瀏覽。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>從(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>The end of the range must be after its start.</source>
        <translation>範圍的結束必須晚於開始。</translation>
    </message>
    <message>
        <source>Finding the range in each partition…</source>
        <translation>正在各分區中尋找範圍…</translation>
    </message>
    <message>
        <source>Read %1 of %2 records…</source>
        <translation>已讀取 %1 / %2 筆記錄…</translation>
    </message>
    <message>
        <source>Cancelled. What was read so far is kept: %1</source>
        <translation>已取消。保留目前已讀取的內容：%1</translation>
    </message>
    <message>
        <source>Could not load history: %1</source>
        <translation>無法載入歷史：%1</translation>
    </message>
</context>
<context>
    <name>ndh::LogExportDialog</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Log (kcat -J lines, .jsonl)</source>
        <translation>記錄檔（kcat -J 行格式，.jsonl）</translation>
    </message>
    <message>
        <source>Compressed log (.jsonl.zst)</source>
        <translation>壓縮記錄檔（.jsonl.zst）</translation>
    </message>
    <message>
        <source>Incident bundle (log, alarm journal, audit, layout; .ndh)</source>
        <translation>事件包（記錄、警報日誌、稽核、版面；.ndh）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Event time of the first record to export (UTC)</source>
        <translation>要匯出的第一筆記錄的事件時間（UTC）</translation>
    </message>
    <message>
        <source>Event time of the last record to export (UTC)</source>
        <translation>要匯出的最後一筆記錄的事件時間（UTC）</translation>
    </message>
    <message>
        <source>%1 (%2 records)</source>
        <translation>%1（%2 筆記錄）</translation>
    </message>
    <message>
        <source>All assets (or: FACTORY_A, FACTORY_B/Pump/PUMP_001, ...)</source>
        <translation>所有資產（或：FACTORY_A, FACTORY_B/Pump/PUMP_001, ...）</translation>
    </message>
    <message>
        <source>Comma-separated asset paths or path prefixes (location, location/type, location/type/id). Empty: every asset.</source>
        <translation>以逗號分隔的資產路徑或路徑前綴（地點、地點/類型、地點/類型/編號）。空白：全部資產。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>從(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;opics:</source>
        <translation>主題(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Assets:</source>
        <translation>資產(&amp;A)：</translation>
    </message>
    <message>
        <source>Records are written exactly as received, one kcat -C -J line each; the file appears only when complete.</source>
        <translation>記錄完全依接收內容寫入，每筆一行 kcat -C -J 格式；檔案完成後才會出現。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <source>Logs (*.jsonl *.jsonl.zst);;Incident bundles (*.ndh);;All files (*)</source>
        <translation>記錄檔 (*.jsonl *.jsonl.zst);;事件包 (*.ndh);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>ndh::LogSessionController</name>
    <message>
        <source>&amp;Open log or incident…</source>
        <translation>開啟記錄檔或事件包(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an exported log (kcat -C -J lines, .jsonl or .jsonl.zst) or an incident bundle (.ndh) and work on it offline (Ctrl+O). You can also drop the file on the window.</source>
        <translation>開啟匯出的記錄檔（kcat -C -J 行格式，.jsonl 或 .jsonl.zst）或事件包（.ndh）並離線處理（Ctrl+O）。也可以把檔案拖放到視窗上。</translation>
    </message>
    <message>
        <source>&amp;Export log…</source>
        <translation>匯出記錄檔(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the records of this session (a time range, topics, assets) to a log file that kcat and the console read (Ctrl+E)</source>
        <translation>將本次工作階段的記錄（時間範圍、主題、資產）寫入 kcat 與操作台都能讀取的記錄檔（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export &amp;incident bundle…</source>
        <translation>匯出事件包(&amp;I)…</translation>
    </message>
    <message>
        <source>One .ndh file with the log, the alarm journal, the audit entries, the window layout and a manifest (Ctrl+Shift+E)</source>
        <translation>一個 .ndh 檔，內含記錄、警報日誌、稽核項目、視窗版面與清單（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Reading the log in the background; the views fill as it goes</source>
        <translation>正在背景讀取記錄檔；畫面會隨讀取逐步填入</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止載入</translation>
    </message>
    <message>
        <source>Stop reading the log; what was read so far stays</source>
        <translation>停止讀取記錄檔；保留已讀取的內容</translation>
    </message>
    <message>
        <source>Open log or incident</source>
        <translation>開啟記錄檔或事件包</translation>
    </message>
    <message>
        <source>Logs and incidents (*.jsonl *.jsonl.zst *.zst *.json *.ndh);;All files (*)</source>
        <translation>記錄檔與事件包 (*.jsonl *.jsonl.zst *.zst *.json *.ndh);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Still loading %1; stop it first.</source>
        <translation>仍在載入 %1；請先停止。</translation>
    </message>
    <message>
        <source>Opening %1 in a new window</source>
        <translation>在新視窗中開啟 %1</translation>
    </message>
    <message>
        <source>Could not start a new window for %1</source>
        <translation>無法為 %1 開啟新視窗</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（離線）</translation>
    </message>
    <message>
        <source>incident %1, %2 to %3, from %4 (offline)</source>
        <translation>事件 %1，%2 至 %3，來自 %4（離線）</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 筆記錄</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>無法開啟 %1。</translation>
    </message>
    <message>
        <source>%1 is damaged. %2 records were loaded; %3 damaged part(s) were skipped and are listed in the dead letters.</source>
        <translation>%1 已損壞。已載入 %2 筆記錄；略過 %3 個損壞部分，並列在死信中。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 項</translation>
    </message>
    <message>
        <source>%1: %2 records, %3 events loaded in %4 s%5</source>
        <translation>%1：%4 秒內載入 %2 筆記錄、%3 個事件%5</translation>
    </message>
    <message>
        <source> (stopped; the rest was not read)</source>
        <translation>（已停止；其餘未讀取）</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>開啟記錄檔</translation>
    </message>
    <message>
        <source>Show dead letters</source>
        <translation>顯示死信</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>This session holds no records to export yet.</source>
        <translation>本次工作階段尚無可匯出的記錄。</translation>
    </message>
    <message>
        <source>Open a log, or wait for records to arrive.</source>
        <translation>請開啟記錄檔，或等待記錄到達。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The export failed; no file was written.</source>
        <translation>匯出失敗；沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>No record matches the chosen time range, topics and assets.</source>
        <translation>沒有記錄符合所選的時間範圍、主題與資產。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在寫入 %1…</translation>
    </message>
    <message>
        <source>Exported %1 records to %2</source>
        <translation>已匯出 %1 筆記錄到 %2</translation>
    </message>
    <message>
        <source>Incident &amp;audit entries…</source>
        <translation>事件稽核記錄(&amp;A)…</translation>
    </message>
    <message>
        <source>The operator actions recorded in the opened incident&apos;s period, with their checksums verified (read-only)</source>
        <translation>已開啟事件期間內記錄的操作員動作，校驗和均已驗證（唯讀）</translation>
    </message>
    <message>
        <source>Incident &amp;audit entries (%1)…</source>
        <translation>事件稽核記錄 (%1)(&amp;A)…</translation>
    </message>
    <message>
        <source>; %1 audit entries of the incident under File</source>
        <translation>；事件的 %1 筆稽核記錄在「檔案」選單</translation>
    </message>
</context>
<context>
    <name>ndh::MainWindow</name>
    <message>
        <source>Assets</source>
        <translation>資產</translation>
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
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Asset tree</source>
        <translation>資產樹(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dead letters</source>
        <translation>死信(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Filter assets</source>
        <translation>篩選資產(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New plot</source>
        <translation>新增趨勢圖(&amp;N)</translation>
    </message>
    <message>
        <source>Add an empty plot below the others (Ctrl+N)</source>
        <translation>在其他趨勢圖下方新增空白趨勢圖（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Close current plot</source>
        <translation>關閉目前的趨勢圖(&amp;C)</translation>
    </message>
    <message>
        <source>Follow / &amp;pause current plot</source>
        <translation>跟隨/暫停目前的趨勢圖(&amp;P)</translation>
    </message>
    <message>
        <source>Space does the same while a plot has the focus</source>
        <translation>趨勢圖取得焦點時，按空白鍵效果相同</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About NDH Console</source>
        <translation>關於 NDH 操作台(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Records read from the data source per second</source>
        <translation>每秒從資料來源讀取的記錄數</translation>
    </message>
    <message>
        <source>Events decoded and applied since start</source>
        <translation>啟動以來已解碼並套用的事件數</translation>
    </message>
    <message>
        <source>Records that could not be decoded. Click to show them.</source>
        <translation>無法解碼的記錄。按一下以顯示。</translation>
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
        <translation>%1 筆/秒</translation>
    </message>
    <message>
        <source>Time slider</source>
        <translation>時間滑桿</translation>
    </message>
    <message>
        <source>Load &amp;history…</source>
        <translation>載入歷史(&amp;H)…</translation>
    </message>
    <message>
        <source>Read a time range from Kafka into the history (Ctrl+Shift+H)</source>
        <translation>從 Kafka 讀取一段時間範圍到歷史（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>歷史(&amp;I)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>警報</translation>
    </message>
    <message>
        <source>Alarm KPIs</source>
        <translation>警報 KPI</translation>
    </message>
    <message>
        <source>A&amp;larms</source>
        <translation>警報(&amp;L)</translation>
    </message>
    <message>
        <source>Alarm &amp;KPIs</source>
        <translation>警報 KPI(&amp;K)</translation>
    </message>
    <message>
        <source>Cannot plot %1</source>
        <translation>無法繪製 %1</translation>
    </message>
    <message>
        <source>the dock arrangement is damaged or from another version</source>
        <translation>面板配置已損壞或來自其他版本</translation>
    </message>
    <message>
        <source>Layout “%1” cannot be used: %2. The default layout is shown.</source>
        <translation>無法使用版面「%1」：%2。已改為顯示預設版面。</translation>
    </message>
    <message>
        <source>Cannot use the layout %1: %2. The default layout is shown.</source>
        <translation>無法使用版面 %1：%2。已改為顯示預設版面。</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>&amp;Command palette…</source>
        <translation>命令選擇區(&amp;C)…</translation>
    </message>
    <message>
        <source>Find an action, asset or topic by name (Ctrl+Shift+P)</source>
        <translation>依名稱尋找動作、資產或主題（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation>版面(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save layout as…</source>
        <translation>另存版面(&amp;S)…</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>儲存版面</translation>
    </message>
    <message>
        <source>Name of this layout:</source>
        <translation>此版面的名稱：</translation>
    </message>
    <message>
        <source>E&amp;xport layout…</source>
        <translation>匯出版面(&amp;X)…</translation>
    </message>
    <message>
        <source>Export layout</source>
        <translation>匯出版面</translation>
    </message>
    <message>
        <source>Layouts (*.ndhlayout);;All files (*)</source>
        <translation>版面 (*.ndhlayout);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>&amp;Import layout…</source>
        <translation>匯入版面(&amp;I)…</translation>
    </message>
    <message>
        <source>Import layout</source>
        <translation>匯入版面</translation>
    </message>
    <message>
        <source>&amp;Reset to the default layout</source>
        <translation>重設為預設版面(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>主題 %1</translation>
    </message>
    <message>
        <source>Connection health</source>
        <translation>連線狀況</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <source>Browse Kafka topics, messages and consumer groups (Ctrl+Shift+T)</source>
        <translation>瀏覽 Kafka 主題、訊息與消費者群組（Ctrl+Shift+T）</translation>
    </message>
</context>
<context>
    <name>ndh::MessageDetailView</name>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>標頭</translation>
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
        <translation>文字</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六進位</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>Select a message to see it in full.</source>
        <translation>選取訊息以檢視完整內容。</translation>
    </message>
    <message>
        <source>%1 [%2] @ %3</source>
        <translation>%1 [%2] @ %3</translation>
    </message>
    <message>
        <source>create time %1 (set by the producer)</source>
        <translation>建立時間 %1（由生產者設定）</translation>
    </message>
    <message>
        <source>log-append time %1 (set by the broker)</source>
        <translation>寫入日誌時間 %1（由 Broker 設定）</translation>
    </message>
    <message>
        <source>no timestamp</source>
        <translation>無時間戳記</translation>
    </message>
    <message>
        <source> · event time %1</source>
        <translation> · 事件時間 %1</translation>
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
        <translation>null（tombstone 刪除標記）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 位元組</translation>
    </message>
    <message numerus="yes">
        <source>key %1 · value %2 · %n header(s)</source>
        <translation>
            <numerusform>鍵 %1 · 值 %2 · %n 個標頭</numerusform>
        </translation>
    </message>
    <message>
        <source> · broker %1</source>
        <translation> · Broker %1</translation>
    </message>
    <message>
        <source>decoded as</source>
        <translation>解碼為</translation>
    </message>
    <message>
        <source>not decoded: %1</source>
        <translation>未解碼：%1</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>資產</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>事件類型</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(not JSON: see the Text and Hex tabs)</source>
        <translation>（不是 JSON：請看「文字」與「十六進位」分頁）</translation>
    </message>
    <message>
        <source>(null value: a tombstone)</source>
        <translation>（null 值：tombstone 刪除標記）</translation>
    </message>
    <message>
        <source>(not UTF-8: bytes outside printable ASCII are shown as \xNN; the Hex tab has them all)

</source>
        <translation>（不是 UTF-8：可列印 ASCII 以外的位元組顯示為 \xNN；「十六進位」分頁有完整內容）

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
        <translation>無值（tombstone 刪除標記）</translation>
    </message>
    <message>
        <source>JSON field test, %1</source>
        <translation>JSON 欄位條件，%1</translation>
    </message>
</context>
<context>
    <name>ndh::MessageTableModel</name>
    <message>
        <source>tombstone</source>
        <translation>tombstone 刪除標記</translation>
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
        <translation>（無時間）</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Log-append time (set by the broker)</source>
        <translation>寫入日誌時間（由 Broker 設定）</translation>
    </message>
    <message>
        <source>Create time (set by the producer)</source>
        <translation>建立時間（由生產者設定）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 位元組</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時間（UTC）</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分區</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Envelope</source>
        <translation>信封格式</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>資產</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>事件類型</translation>
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
        <translation>操作員(&amp;O)</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>登入(&amp;I)…</translation>
    </message>
    <message>
        <source>Send &amp;command…</source>
        <translation>送出命令(&amp;C)…</translation>
    </message>
    <message>
        <source>Select an asset in the tree first.</source>
        <translation>請先在資產樹中選取資產。</translation>
    </message>
    <message>
        <source>Commands &amp;panel</source>
        <translation>命令追蹤面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>稽核記錄(&amp;A)…</translation>
    </message>
    <message>
        <source>Send command to asset…</source>
        <translation>對資產送出命令…</translation>
    </message>
    <message>
        <source>Audit log cannot be written (%1): commands and alarm actions are refused.</source>
        <translation>無法寫入稽核記錄（%1）：命令與警報操作一律拒絕。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登入</translation>
    </message>
    <message>
        <source> · AUDIT LOG UNWRITABLE</source>
        <translation> · 稽核記錄無法寫入</translation>
    </message>
    <message>
        <source> · audit log damaged</source>
        <translation> · 稽核記錄已損壞</translation>
    </message>
    <message>
        <source>Signed-in user and role. Operator &gt; Sign in… to change.</source>
        <translation>已登入的使用者與角色。可在「操作員 &gt; 登入…」變更。</translation>
    </message>
    <message>
        <source>Send a command to the selected asset</source>
        <translation>對所選資產送出命令</translation>
    </message>
    <message>
        <source>Send command to %1</source>
        <translation>對 %1 送出命令</translation>
    </message>
    <message>
        <source>No commands configured for %1</source>
        <translation>%1 沒有設定命令</translation>
    </message>
    <message>
        <source>No commands are configured for asset type %1.</source>
        <translation>資產類型 %1 沒有設定命令。</translation>
    </message>
    <message>
        <source>Command sent to %1; follow it in the Commands panel.</source>
        <translation>命令已送往 %1；請在命令面板中追蹤。</translation>
    </message>
    <message>
        <source>Command not sent</source>
        <translation>命令未送出</translation>
    </message>
    <message>
        <source>Command not sent: %1</source>
        <translation>命令未送出：%1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已以 %1 登入</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 完成</translation>
    </message>
    <message>
        <source>%1 FAILED</source>
        <translation>%1 失敗</translation>
    </message>
    <message>
        <source>%1 no reply</source>
        <translation>%1 無回應</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%2 上的 %1：%3</translation>
    </message>
    <message>
        <source> · verifying audit log…</source>
        <translation> · 正在驗證稽核記錄…</translation>
    </message>
</context>
<context>
    <name>ndh::Parser</name>
    <message>
        <source>the expression is empty</source>
        <translation>運算式是空的</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation>非預期的 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the text starting here has no closing %1</source>
        <translation>從這裡開始的文字沒有結尾的 %1</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>非預期的字元 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>end of text</source>
        <translation>文字結尾</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>巢狀超過 %1 層</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;(&apos; at column %1</source>
        <translation>需要 &apos;)&apos; 來結束第 %1 欄的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>more than %1 tests in one expression</source>
        <translation>一個運算式中超過 %1 個條件</translation>
    </message>
    <message>
        <source>expected a field name such as event_data.new_value, found &apos;%1&apos;</source>
        <translation>需要欄位名稱，例如 event_data.new_value，卻看到 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a field name after &apos;.&apos;</source>
        <translation>&apos;.&apos; 之後需要欄位名稱</translation>
    </message>
    <message>
        <source>expected an array index (0, 1, ...) after &apos;[&apos;</source>
        <translation>&apos;[&apos; 之後需要陣列索引（0, 1, ...）</translation>
    </message>
    <message>
        <source>expected &apos;]&apos;</source>
        <translation>需要 &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>&apos;%1&apos; 之後需要一個值</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares numbers or text, not %2</source>
        <translation>&apos;%1&apos; 比較的是數值或文字，不是 %2</translation>
    </message>
</context>
<context>
    <name>ndh::PlotArea</name>
    <message>
        <source>No plots open.

Press Ctrl+N for a new plot, or double-click an attribute in the asset tree to plot it.</source>
        <translation>沒有開啟的趨勢圖。

按 Ctrl+N 新增趨勢圖，或在資產樹中按兩下屬性即可繪製。</translation>
    </message>
    <message>
        <source>At most %1 plots fit; close one first.</source>
        <translation>最多只能放 %1 個趨勢圖；請先關閉一個。</translation>
    </message>
</context>
<context>
    <name>ndh::PlotPanel</name>
    <message>
        <source>Follow</source>
        <translation>跟隨</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Close plot</source>
        <translation>關閉趨勢圖</translation>
    </message>
    <message>
        <source>Follow the newest data (Space).
Dragging or zooming the plot pauses it; this resumes.</source>
        <translation>跟隨最新資料（空白鍵）。
拖曳或縮放趨勢圖會暫停跟隨；按此繼續。</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>時間窗：</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>Length of time shown while following</source>
        <translation>跟隨時顯示的時間長度</translation>
    </message>
    <message>
        <source>Remove every curve from this plot</source>
        <translation>移除此趨勢圖上的所有曲線</translation>
    </message>
    <message>
        <source>Close this plot</source>
        <translation>關閉此趨勢圖</translation>
    </message>
    <message>
        <source>Double-click or drag an attribute here to plot it</source>
        <translation>按兩下或把屬性拖曳到這裡即可繪製</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom time, Ctrl+wheel to zoom values.
Double-click a legend entry to remove its curve.</source>
        <translation>拖曳可平移，滾輪縮放時間，Ctrl+滾輪縮放數值。
按兩下圖例項目可移除其曲線。</translation>
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
        <translation>%1 已在此趨勢圖上。</translation>
    </message>
    <message>
        <source>A plot shows at most %1 curves; open another plot with Ctrl+N.</source>
        <translation>一個趨勢圖最多顯示 %1 條曲線；請用 Ctrl+N 開啟另一個趨勢圖。</translation>
    </message>
    <message>
        <source>%1 is not a number and cannot be plotted.</source>
        <translation>%1 不是數值，無法繪製。</translation>
    </message>
    <message>
        <source>Paused — Space or Follow resumes</source>
        <translation>已暫停 — 按空白鍵或「跟隨」繼續</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Remove curve</source>
        <translation>移除曲線</translation>
    </message>
    <message>
        <source>Show all data</source>
        <translation>顯示全部資料</translation>
    </message>
    <message>
        <source>older samples dropped: memory budget</source>
        <translation>已捨棄較舊的樣本：記憶體預算</translation>
    </message>
    <message>
        <source>The live buffers of all plots share a memory budget; this plot&apos;s oldest live samples were dropped to stay within it.
Zooming or panning back draws them from the history store.</source>
        <translation>所有圖表的即時緩衝區共用一份記憶體預算；為了不超出預算，已捨棄此圖表最舊的即時樣本。
縮放或平移回去時會從歷史資料庫繪出這些樣本。</translation>
    </message>
    <message>
        <source>Pause and show everything known of these curves (Home)</source>
        <translation>暫停並顯示這些曲線的全部已知資料 (Home)</translation>
    </message>
</context>
<context>
    <name>ndh::RedisClient</name>
    <message>
        <source>Redis at %1: SUBSCRIBE failed: %2</source>
        <translation>Redis %1：SUBSCRIBE 失敗：%2</translation>
    </message>
    <message>
        <source>Redis at %1: reading the state failed: %2</source>
        <translation>Redis %1：讀取狀態失敗：%2</translation>
    </message>
    <message>
        <source>key %1 under the state prefix is not a hash</source>
        <translation>狀態前綴下的鍵 %1 不是雜湊</translation>
    </message>
    <message>
        <source>reading key %1 failed: %2</source>
        <translation>讀取鍵 %1 失敗：%2</translation>
    </message>
    <message>
        <source>state hash %1 is %2 bytes, more than the %3 bytes allowed</source>
        <translation>狀態雜湊 %1 有 %2 位元組，超過允許的 %3 位元組</translation>
    </message>
    <message>
        <source>reading state: %1 assets</source>
        <translation>正在讀取狀態：%1 個資產</translation>
    </message>
    <message>
        <source>state hash %1 has no &apos;id&apos; field</source>
        <translation>狀態雜湊 %1 沒有 &apos;id&apos; 欄位</translation>
    </message>
    <message>
        <source>state hash %1: %2</source>
        <translation>狀態雜湊 %1：%2</translation>
    </message>
    <message>
        <source>Redis at %1 stopped delivering messages (nothing for %2 ms)</source>
        <translation>Redis %1 停止傳送訊息（%2 毫秒內沒有任何訊息）</translation>
    </message>
    <message>
        <source>no heartbeat: this Redis user may not PUBLISH to %1 (%2); a subscription that stops delivering while connected is not detected</source>
        <translation>沒有心跳：此 Redis 使用者不能 PUBLISH 到 %1（%2）；連線中訂閱停止傳送時將無法偵測</translation>
    </message>
    <message>
        <source>no live updates: this Redis user may not SUBSCRIBE to the NDH channels; the state is read on connect only (%1)</source>
        <translation>沒有即時更新：此 Redis 使用者不得 SUBSCRIBE NDH 頻道；狀態只在連線時讀取（%1）</translation>
    </message>
    <message>
        <source>field &apos;attributes&apos; of state hash %1 is not a JSON object of attributes: %2</source>
        <translation>狀態雜湊 %1 的欄位 &apos;attributes&apos; 不是屬性的 JSON 物件：%2</translation>
    </message>
</context>
<context>
    <name>ndh::RedisQtAdapter</name>
    <message>
        <source>Redis refused the user name or password</source>
        <translation>Redis 拒絕了使用者名稱或密碼</translation>
    </message>
    <message>
        <source>Redis requires a password (set NDH_REDIS_PASSWORD)</source>
        <translation>Redis 需要密碼（請設定 NDH_REDIS_PASSWORD）</translation>
    </message>
    <message>
        <source>the Redis user is not allowed to do this (ACL)</source>
        <translation>此 Redis 使用者沒有權限執行此操作（ACL）</translation>
    </message>
    <message>
        <source>the key holds a different data type</source>
        <translation>此鍵的資料類型不同</translation>
    </message>
    <message>
        <source>a password was given but the Redis server has none configured</source>
        <translation>提供了密碼，但 Redis 伺服器未設定密碼</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>記憶體不足</translation>
    </message>
    <message>
        <source>Cannot reach Redis at %1: %2</source>
        <translation>無法連線到 Redis %1：%2</translation>
    </message>
    <message>
        <source>Redis at %1 did not answer within %2 ms</source>
        <translation>Redis %1 在 %2 毫秒內沒有回應</translation>
    </message>
    <message>
        <source>Redis at %1 stopped answering (no reply within %2 ms)</source>
        <translation>Redis %1 停止回應（%2 毫秒內無回覆）</translation>
    </message>
    <message>
        <source>Redis at %1: %2 failed: %3</source>
        <translation>Redis %1：%2 失敗：%3</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>連線已關閉</translation>
    </message>
    <message>
        <source>Lost the connection to Redis at %1: %2</source>
        <translation>與 Redis %1 的連線中斷：%2</translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation>伺服器關閉了連線</translation>
    </message>
</context>
<context>
    <name>ndh::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系統語言（%1）</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>跟隨系統（%1）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>佈景主題(&amp;T)：</translation>
    </message>
    <message>
        <source>Set by --theme on the command line for this session; start without it to choose here.</source>
        <translation>本次工作階段由命令列的 --theme 指定；不帶此選項啟動即可在此選擇。</translation>
    </message>
    <message>
        <source>A new theme applies at once; a new language the next time NDH Console starts.</source>
        <translation>新的佈景主題立即套用；新的語言在下次啟動 NDH 操作台時生效。</translation>
    </message>
</context>
<context>
    <name>ndh::ShortcutsDialog</name>
    <message>
        <source>Main window</source>
        <translation>主視窗</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Double-click / Enter</source>
        <translation>按兩下/Enter</translation>
    </message>
    <message>
        <source>Plot the selected attribute on the current plot</source>
        <translation>將所選屬性繪製到目前的趨勢圖</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖曳</translation>
    </message>
    <message>
        <source>Drag attributes from the tree onto any plot</source>
        <translation>把屬性從資產樹拖曳到任一趨勢圖</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>滑鼠滾輪</translation>
    </message>
    <message>
        <source>Zoom time on a plot (pauses follow)</source>
        <translation>縮放趨勢圖的時間軸（暫停跟隨）</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滾輪</translation>
    </message>
    <message>
        <source>Zoom values on a plot</source>
        <translation>縮放趨勢圖的數值軸</translation>
    </message>
    <message>
        <source>Drag on a plot</source>
        <translation>在趨勢圖上拖曳</translation>
    </message>
    <message>
        <source>Pan (pauses follow)</source>
        <translation>平移（暫停跟隨）</translation>
    </message>
    <message>
        <source>Double-click legend</source>
        <translation>按兩下圖例</translation>
    </message>
    <message>
        <source>Remove that curve</source>
        <translation>移除該曲線</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>滑鼠</translation>
    </message>
</context>
<context>
    <name>ndh::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>使用者(&amp;U)：</translation>
    </message>
    <message>
        <source>Viewer: sees everything, acts on nothing</source>
        <translation>檢視者：可看全部，不能操作</translation>
    </message>
    <message>
        <source>Operator: commands and alarm actions</source>
        <translation>操作員：命令與警報操作</translation>
    </message>
    <message>
        <source>Engineer: also re-publishing and configuration</source>
        <translation>工程師：另可重新發布與設定組態</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Every sign-in, command and alarm action is written to the audit log with this name.</source>
        <translation>每次登入、命令與警報操作都會以此名稱寫入稽核記錄。</translation>
    </message>
</context>
<context>
    <name>ndh::TimeSlider</name>
    <message>
        <source>Go &amp;live</source>
        <translation>回到即時(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Play / pause history</source>
        <translation>播放/暫停歷史(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;revious event</source>
        <translation>上一個事件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next event</source>
        <translation>下一個事件(&amp;N)</translation>
    </message>
    <message>
        <source>Jump to &amp;date and time…</source>
        <translation>跳至日期與時間(&amp;D)…</translation>
    </message>
    <message>
        <source>Jump to &amp;alarm…</source>
        <translation>跳至警報(&amp;A)…</translation>
    </message>
    <message>
        <source>Show the plant as it is now (Ctrl+L)</source>
        <translation>顯示工廠目前的狀態（Ctrl+L）</translation>
    </message>
    <message>
        <source>Replay history from the slider&apos;s instant at the chosen speed (Ctrl+Shift+Space)</source>
        <translation>從滑桿所在時刻以所選速度重播歷史（Ctrl+Shift+Space）</translation>
    </message>
    <message>
        <source>Show the plant at a date and time (Ctrl+T)</source>
        <translation>顯示工廠在某日期時間的狀態（Ctrl+T）</translation>
    </message>
    <message>
        <source>Show the plant at the moment an alarm was raised (Ctrl+J)</source>
        <translation>顯示工廠在警報發生當下的狀態（Ctrl+J）</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>Previous event of the selected asset, or of any asset (Alt+Left)</source>
        <translation>所選資產（或任一資產）的上一個事件（Alt+Left）</translation>
    </message>
    <message>
        <source>Next event of the selected asset, or of any asset (Alt+Right)</source>
        <translation>所選資產（或任一資產）的下一個事件（Alt+Right）</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>重播速度</translation>
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
        <translation>警報…</translation>
    </message>
    <message>
        <source>any asset</source>
        <translation>任一資產</translation>
    </message>
    <message>
        <source>P&amp;revious event (%1)</source>
        <translation>上一個事件（%1）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next event (%1)</source>
        <translation>下一個事件（%1）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pause history</source>
        <translation>暫停歷史(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play history</source>
        <translation>播放歷史(&amp;P)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>Replaying %1 at %2× — not live. Ctrl+L or LIVE returns to now.</source>
        <translation>正以 %2× 重播 %1 — 非即時。按 Ctrl+L 或「即時」回到現在。</translation>
    </message>
    <message>
        <source>Viewing %1 — not live. Live data keeps arriving; Ctrl+L or LIVE returns to now.</source>
        <translation>正在檢視 %1 — 非即時。即時資料持續接收中；按 Ctrl+L 或「即時」回到現在。</translation>
    </message>
    <message>
        <source>History before %1 was thinned to stay within memory: values shown are the last kept.</source>
        <translation>%1 之前的歷史已精簡以控制記憶體用量：顯示的是最後保留的值。</translation>
    </message>
    <message>
        <source>Jump to date and time</source>
        <translation>跳至日期與時間</translation>
    </message>
    <message>
        <source>History known from %1 to %2.</source>
        <translation>已知歷史從 %1 到 %2。</translation>
    </message>
    <message>
        <source>Show the plant at:</source>
        <translation>顯示工廠狀態的時間：</translation>
    </message>
    <message>
        <source>%1  %2  %3 · %4  %5</source>
        <translation>%1  %2  %3 · %4  %5</translation>
    </message>
    <message>
        <source>No alarms raised yet</source>
        <translation>尚未發生警報</translation>
    </message>
    <message>
        <source>Show the plant as it was at the end of %1 (Ctrl+L)</source>
        <translation>顯示 %1 結尾時的工廠狀態 (Ctrl+L)</translation>
    </message>
    <message>
        <source>END</source>
        <translation>結尾</translation>
    </message>
    <message>
        <source>Go to the &amp;end of the log</source>
        <translation>跳到記錄檔結尾(&amp;E)</translation>
    </message>
    <message>
        <source>End of log</source>
        <translation>記錄檔結尾</translation>
    </message>
    <message>
        <source>Replaying %1 of %2 at %3×. Ctrl+L or END returns to the end of the log.</source>
        <translation>以 %3× 重播 %2 的 %1。Ctrl+L 或「結尾」回到記錄檔結尾。</translation>
    </message>
    <message>
        <source>Viewing %1 of %2. Ctrl+L or END returns to the end of the log.</source>
        <translation>檢視 %2 的 %1。Ctrl+L 或「結尾」回到記錄檔結尾。</translation>
    </message>
    <message>
        <source>End of log: %1</source>
        <translation>記錄檔結尾：%1</translation>
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
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>Re-publishing needs the engineer role.</source>
        <translation>重新發布需要工程師角色。</translation>
    </message>
    <message>
        <source>Filter topics</source>
        <translation>篩選主題</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>內部</translation>
    </message>
    <message>
        <source>Show internal topics (names starting with __)</source>
        <translation>顯示內部主題（名稱以 __ 開頭）</translation>
    </message>
    <message>
        <source>Topic / partition</source>
        <translation>主題/分區</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>領導者</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>訊息數</translation>
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
        <translation>選取主題（或一個分區）後按「掃描」。按兩下可立即掃描。</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>叢集</translation>
    </message>
    <message>
        <source>Watch a group by name</source>
        <translation>依名稱監看群組</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>監看</translation>
    </message>
    <message>
        <source>Group / partition</source>
        <translation>群組/分區</translation>
    </message>
    <message>
        <source>State / members</source>
        <translation>狀態/成員</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>Lag time</source>
        <translation>延遲時間</translation>
    </message>
    <message>
        <source>Total lag of %1</source>
        <translation>%1 的總延遲</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>消費者群組</translation>
    </message>
    <message>
        <source>Topics to scan (comma-separated), or select them on the left</source>
        <translation>要掃描的主題（以逗號分隔），或在左側選取</translation>
    </message>
    <message>
        <source>From the beginning</source>
        <translation>從頭開始</translation>
    </message>
    <message>
        <source>From the end (follow)</source>
        <translation>從結尾開始（跟隨）</translation>
    </message>
    <message>
        <source>From offset</source>
        <translation>從偏移量</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>從時間</translation>
    </message>
    <message>
        <source>Last N per partition</source>
        <translation>每個分區最後 N 筆</translation>
    </message>
    <message>
        <source>Until the current end</source>
        <translation>直到目前結尾</translation>
    </message>
    <message>
        <source>Follow (never stop)</source>
        <translation>跟隨（不停止）</translation>
    </message>
    <message>
        <source>Until offset</source>
        <translation>直到偏移量</translation>
    </message>
    <message>
        <source>Until time</source>
        <translation>直到時間</translation>
    </message>
    <message>
        <source>After N matches</source>
        <translation>符合 N 筆後</translation>
    </message>
    <message>
        <source>Merged by time</source>
        <translation>依時間合併</translation>
    </message>
    <message>
        <source>Per partition</source>
        <translation>依分區</translation>
    </message>
    <message>
        <source>Merged by time: all partitions in record-time order. Per partition: as each partition delivers.</source>
        <translation>依時間合併：所有分區依記錄時間排序。依分區：依各分區送達的順序。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>partition </source>
        <translation>分區 </translation>
    </message>
    <message>
        <source>key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Part of the key (any case)</source>
        <translation>鍵的一部分（不分大小寫）</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>資產</translation>
    </message>
    <message>
        <source>Part of the asset (location/type/id)</source>
        <translation>資產的一部分（地點/類型/編號）</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>事件類型</translation>
    </message>
    <message>
        <source>Part of the event type</source>
        <translation>事件類型的一部分</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Text anywhere in the value (any case)</source>
        <translation>值中任何位置的文字（不分大小寫）</translation>
    </message>
    <message>
        <source>JSON test, e.g. event_data.new_value &gt; 100</source>
        <translation>JSON 條件，例如 event_data.new_value &gt; 100</translation>
    </message>
    <message>
        <source>Field tests on the JSON value: == != &gt; &gt;= &lt; &lt;= ~ (contains), and, or, not, parentheses; a bare field means it is set. Example: asset_type == pump and event_data.new_value &gt; 100</source>
        <translation>JSON 值的欄位條件：== != &gt; &gt;= &lt; &lt;= ~（包含）、and、or、not、括號；只寫欄位名稱表示該欄位存在。例如：asset_type == pump and event_data.new_value &gt; 100</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>掃描</translation>
    </message>
    <message>
        <source>Read the topics with these settings (F5)</source>
        <translation>以這些設定讀取主題（F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>複製為 JSON</translation>
    </message>
    <message>
        <source>The record as kcat -J prints it (Ctrl+C in the list)</source>
        <translation>以 kcat -J 的格式複製記錄（在清單中按 Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy kcat command</source>
        <translation>複製 kcat 命令</translation>
    </message>
    <message>
        <source>A kcat command line that fetches exactly this record</source>
        <translation>只取得這筆記錄的 kcat 命令列</translation>
    </message>
    <message>
        <source>Show asset</source>
        <translation>顯示資產</translation>
    </message>
    <message>
        <source>Select this record&apos;s asset in the asset tree</source>
        <translation>在資產樹中選取這筆記錄的資產</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>匯出所選…</translation>
    </message>
    <message>
        <source>Write the selected records as a log (kcat -J lines)</source>
        <translation>將所選記錄寫成記錄檔（kcat -J 行格式）</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部匯出…</translation>
    </message>
    <message>
        <source>Write every record in the list (the filtered result) as a log</source>
        <translation>將清單中的所有記錄（篩選結果）寫成記錄檔</translation>
    </message>
    <message>
        <source>Re-publish…</source>
        <translation>重新發布…</translation>
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
        <translation>最後偏移量</translation>
    </message>
    <message>
        <source>Publish this record again, to the same or another topic, after editing it</source>
        <translation>編輯後將這筆記錄再次發布到相同或其他主題</translation>
    </message>
    <message numerus="yes">
        <source>Opened log: %n topic(s)</source>
        <translation>
            <numerusform>已開啟的記錄檔：%n 個主題</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1（%2:%3）</translation>
    </message>
    <message>
        <source>Brokers: %1 · updated %2</source>
        <translation>Broker：%1 · 更新於 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n part.</source>
        <translation>
            <numerusform>%n 個分區</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>分區 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 個成員</numerusform>
        </translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>成員 %1</translation>
    </message>
    <message>
        <source>Age of the oldest record the group has not consumed</source>
        <translation>群組尚未消費的最舊記錄的經過時間</translation>
    </message>
    <message>
        <source>Choose the topics to scan: select them in the cluster list or type their names.</source>
        <translation>請選擇要掃描的主題：在叢集清單中選取或輸入名稱。</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least %2, not “%3”</source>
        <translation>%1 必須是至少 %2 的整數，而不是「%3」</translation>
    </message>
    <message>
        <source>%1 must be a time such as 2025-08-03T10:30:00Z or epoch milliseconds, not “%2”</source>
        <translation>%1 必須是時間，例如 2025-08-03T10:30:00Z 或 epoch 毫秒，而不是「%2」</translation>
    </message>
    <message>
        <source>The start offset</source>
        <translation>起始偏移量</translation>
    </message>
    <message>
        <source>The start time</source>
        <translation>起始時間</translation>
    </message>
    <message>
        <source>The last offset</source>
        <translation>最後偏移量</translation>
    </message>
    <message>
        <source>The stop time</source>
        <translation>結束時間</translation>
    </message>
    <message>
        <source>An opened log does not grow: choose a start and stop within it.</source>
        <translation>已開啟的記錄檔不會再增加：請在其範圍內選擇開始與結束。</translation>
    </message>
    <message>
        <source>%1 scanned</source>
        <translation>已掃描 %1</translation>
    </message>
    <message>
        <source>%1 matched</source>
        <translation>符合 %1</translation>
    </message>
    <message>
        <source>%1 older than the start skipped</source>
        <translation>略過 %1 筆早於起點的記錄</translation>
    </message>
    <message>
        <source> — connecting…</source>
        <translation> — 連線中…</translation>
    </message>
    <message>
        <source> — scanning</source>
        <translation> — 掃描中</translation>
    </message>
    <message>
        <source> — following new records</source>
        <translation> — 跟隨新記錄</translation>
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
        <translation> — 失敗</translation>
    </message>
    <message>
        <source>Showing the newest %1 rows: %2 older rows dropped out (the list keeps at most %3 rows and %4 of record data).</source>
        <translation>顯示最新的 %1 列：較舊的 %2 列已移除（清單最多保留 %3 列與 %4 的記錄資料）。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n record(s) as JSON</source>
        <translation>
            <numerusform>已將 %n 筆記錄複製為 JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已複製：%1</translation>
    </message>
    <message>
        <source>the selected records</source>
        <translation>所選記錄</translation>
    </message>
    <message>
        <source>all records in the list</source>
        <translation>清單中的所有記錄</translation>
    </message>
    <message>
        <source>Log (*%1)</source>
        <translation>記錄檔 (*%1)</translation>
    </message>
    <message>
        <source>Compressed log (*%1)</source>
        <translation>壓縮記錄檔 (*%1)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>匯出%1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Re-publish a record</source>
        <translation>重新發布記錄</translation>
    </message>
    <message numerus="yes">
        <source>Source: %1 [%2] @ %3. Its %n header(s) are re-sent unchanged.</source>
        <translation>
            <numerusform>來源：%1 [%2] @ %3。其 %n 個標頭會原樣重新送出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>發布…</translation>
    </message>
    <message>
        <source>Re-publish</source>
        <translation>重新發布</translation>
    </message>
    <message>
        <source>Publish this record to %1? Consumers of that topic will act on it.</source>
        <translation>要將這筆記錄發布到 %1 嗎？該主題的消費者會據此動作。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
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
        <translation>沒有記錄；下一筆記錄的偏移量為 %1</translation>
    </message>
</context>
<context>
    <name>ndh::TopicBrowserSession</name>
    <message>
        <source>Exported %1 record(s) to %2</source>
        <translation>已匯出 %1 筆記錄到 %2</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>匯出到 %1 失敗：%2</translation>
    </message>
    <message>
        <source>An export is still running; wait for it or cancel it first.</source>
        <translation>仍有匯出正在進行；請等待完成或先取消。</translation>
    </message>
    <message>
        <source>Writing %1 record(s) to %2…</source>
        <translation>正在寫入 %1 筆記錄到 %2…</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation>已取消匯出：未寫入 %1</translation>
    </message>
</context>
<context>
    <name>ndh::TopicScanner</name>
    <message>
        <source>Replaced by a new scan</source>
        <translation>已由新的掃描取代</translation>
    </message>
    <message>
        <source>Choose at least one topic to scan</source>
        <translation>請至少選擇一個要掃描的主題</translation>
    </message>
    <message>
        <source>Partition %1 does not exist in the chosen topics</source>
        <translation>所選主題中不存在分區 %1</translation>
    </message>
    <message>
        <source>Not on the cluster: %1</source>
        <translation>不在叢集上：%1</translation>
    </message>
    <message>
        <source>Started at %1 with the broker&apos;s time index (offsetsForTimes).</source>
        <translation>已使用 Broker 的時間索引（offsetsForTimes）從 %1 開始。</translation>
    </message>
    <message>
        <source>Cannot assign partitions: %1</source>
        <translation>無法指派分區：%1</translation>
    </message>
    <message>
        <source>No log is open</source>
        <translation>沒有開啟的記錄檔</translation>
    </message>
    <message>
        <source>Opened log: records older than %1 are skipped.</source>
        <translation>已開啟的記錄檔：略過早於 %1 的記錄。</translation>
    </message>
    <message>
        <source>More than %L1 matches waited for a slow partition; the time order is approximate there.</source>
        <translation>超過 %L1 筆符合的記錄在等待較慢的分區；該處的時間順序為近似值。</translation>
    </message>
    <message>
        <source>%1 scanned, %2 matched</source>
        <translation>已掃描 %1，符合 %2</translation>
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
        <translation>找到 %1 筆符合後停止：%2</translation>
    </message>
    <message numerus="yes">
        <source>Reached the end of %n partition(s): %1</source>
        <translation>
            <numerusform>已到達 %n 個分區的結尾：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the opened log: %1</source>
        <translation>讀取已開啟的記錄檔：%1</translation>
    </message>
    <message>
        <source>Cancelled while looking for the start time</source>
        <translation>尋找起始時間時已取消</translation>
    </message>
    <message numerus="yes">
        <source>(%n partition(s) did not answer in time and are read from where the search got to, skipping older records)</source>
        <translation>
            <numerusform>（%n 個分區未及時回應，從搜尋到的位置讀取，並略過較舊的記錄）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This cluster does not look up offsets by time (the embedded broker never does): started at the first record from %1, found by a binary search over offsets (%n single record(s) read)</source>
        <translation>
            <numerusform>此叢集不支援依時間查詢偏移量（內建 Broker 一律不支援）：從 %1 起的第一筆記錄開始，以偏移量二分搜尋找到（讀取了 %n 筆單一記錄）</numerusform>
        </translation>
    </message>
</context>
</TS>
