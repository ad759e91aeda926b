<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlipayChoices</name>
    <message>
        <source>— (already there)</source>
        <translation>—（已导入）</translation>
    </message>
    <message>
        <source>New loan (terms missing)</source>
        <translation>新借款（缺少期限、利率等信息）</translation>
    </message>
    <message>
        <source>New loan, {months} months, {rate} a day</source>
        <translation>新借款，{months} 个月，日利率 {rate}</translation>
    </message>
    <message>
        <source>New loan, {months} months, {rate} a year</source>
        <translation>新借款，{months} 个月，年化利率 {rate}</translation>
    </message>
    <message>
        <source>Repayment of the new loan of line {line}</source>
        <translation>第 {line} 行新借款的还款</translation>
    </message>
    <message>
        <source>Repayment of loan {name}</source>
        <translation>借款 {name} 的还款</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Loan {name}: {platform}, {day}, {amount}</source>
        <translation>借款 {name}：{platform}，{day}，{amount}</translation>
    </message>
</context>
<context>
    <name>AlipayPage</name>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>New loan</source>
        <translation>新借款</translation>
    </message>
    <message>
        <source>Repayment of a loan</source>
        <translation>偿还一笔借款</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>e.g. 0.03 (%)</source>
        <translation>例如 0.03（%）</translation>
    </message>
    <message>
        <source>% a day (日利率)</source>
        <translation>%（日利率）</translation>
    </message>
    <message>
        <source>% a year (年化)</source>
        <translation>%（年化利率）</translation>
    </message>
    <message>
        <source>The new loan</source>
        <translation>这笔新借款</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Import this row as</source>
        <translation>这一行导入为</translation>
    </message>
    <message>
        <source>Loan it repays</source>
        <translation>偿还的借款</translation>
    </message>
    <message>
        <source>Statement rows</source>
        <translation>账单中的各行</translation>
    </message>
    <message>
        <source>One row of the statement a line; select one to say below what it becomes</source>
        <translation>每行是账单中的一条；选中后在下方说明它导入为什么</translation>
    </message>
    <message>
        <source>What the selected row becomes: a new loan, a repayment of a loan, or nothing</source>
        <translation>选中的这一行导入为什么：一笔新借款、某笔借款的还款，或不导入</translation>
    </message>
    <message>
        <source>The loan the selected row repays: one you have, or a new one in this statement</source>
        <translation>选中的这一行还的是哪笔借款：已有的借款，或这份账单中的新借款</translation>
    </message>
    <message>
        <source>How many monthly installments the new loan is repaid in</source>
        <translation>这笔新借款分几期按月还清</translation>
    </message>
    <message>
        <source>How the lender splits the repayments into installments (see your contract)</source>
        <translation>放贷机构如何把还款分到各期（见您的借款合同）</translation>
    </message>
    <message>
        <source>The rate in your contract, in percent</source>
        <translation>借款合同上的利率，以百分数表示</translation>
    </message>
    <message>
        <source>Whether the rate is a day&apos;s (日利率) or a year&apos;s (年化)</source>
        <translation>利率是日利率还是年化利率</translation>
    </message>
    <message>
        <source>What the money is for (the statement does not say)</source>
        <translation>这笔钱的用途（账单上没有写）</translation>
    </message>
    <message>
        <source>Choose the loan this repays.</source>
        <translation>请选择这笔还款对应的借款。</translation>
    </message>
    <message>
        <source>Rate: {reason}</source>
        <translation>利率：{reason}</translation>
    </message>
</context>
<context>
    <name>AlipayRowsModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>loan paid out</source>
        <translation>借款到账</translation>
    </message>
    <message>
        <source>repayment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>AlipaySteps</name>
    <message>
        <source>{rows} transactions, {credit} about credit (信用借还, 借呗, 花呗, …); {present} already imported. {count} loans and repayments will be written.</source>
        <translation>共 {rows} 笔交易，其中 {credit} 笔与信贷有关（信用借还、借呗、花呗等）；{present} 笔此前已导入。将导入 {count} 笔借款和还款记录。</translation>
    </message>
    <message>
        <source>The new loan of line {line}</source>
        <translation>第 {line} 行的新借款</translation>
    </message>
    <message>
        <source>Importing {count} loans and repayments…</source>
        <translation>正在导入 {count} 笔借款和还款……</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported; everything is as it was before.</source>
        <translation>已取消，未导入任何数据，原有数据保持不变。</translation>
    </message>
    <message>
        <source>Imported {count} loans and repayments from the Alipay statement.</source>
        <translation>已从支付宝账单导入 {count} 笔借款和还款。</translation>
    </message>
    <message>
        <source>{count} rows were imported before and were not added again.</source>
        <translation>{count} 行此前已导入，未重复添加。</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <source>Jiebei Tracker is already open with {path}, but did not answer. Close it and try again.</source>
        <translation>借呗信用健康助手已经打开了 {path}，但没有响应。请先关闭它再重试。</translation>
    </message>
    <message>
        <source>The passphrase is removed: {path} is a plain file again.</source>
        <translation>已取消密码：{path} 恢复为未加密文件。</translation>
    </message>
    <message>
        <source>{path} is protected with the passphrase. Backups made from now on are encrypted with it; exports, reports and calendars you save are not.</source>
        <translation>{path} 已用密码加密保护。今后的备份也会用这个密码加密；您另存的导出文件、报告和日历不加密。</translation>
    </message>
</context>
<context>
    <name>AutopayCheck</name>
    <message>
        <source>Autopay deductions recorded as paid: {count}.</source>
        <translation>已将 {count} 期自动扣款记为已还。</translation>
    </message>
    <message>
        <source>autopay recording ({count})</source>
        <translation>自动扣款记账（{count} 期）</translation>
    </message>
</context>
<context>
    <name>AutopayCheckDialog</name>
    <message>
        <source>{platform} installment {seq} of {term}, {amount}, due {day}</source>
        <translation>{platform}第 {seq}/{term} 期 {amount}（{day}到期）</translation>
    </message>
    <message>
        <source>Autopay check</source>
        <translation>自动扣款核对</translation>
    </message>
    <message>
        <source>These installments of loans on autopay fell due and are not recorded as paid yet. If the platform deducted them, keep them ticked and record them as paid. An installment you untick stays open (with the later ones of its loan, as a deduction pays the earliest first): it counts as overdue once your grace days are over.</source>
        <translation>以下各期属于已开通自动还款的借款，已经到期，但尚未记为已还。如果平台已经扣款，请保持勾选，然后点击“记为已还”。取消勾选的一期仍为待还（扣款总是先还最早的一期，所以同一笔借款此后的各期也会随之取消勾选），超过您设置的宽限天数后将计为逾期未还。</translation>
    </message>
    <message>
        <source>Installments to record as deducted</source>
        <translation>要记为已扣款的各期</translation>
    </message>
    <message>
        <source>Tick each installment the platform deducted (Space); unticking one unticks its loan&apos;s later ones</source>
        <translation>勾选平台已扣款的每一期（按空格键）；取消勾选某一期，同一借款后面的各期也会取消</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Installment</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应还金额</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>{seq} of {term}</source>
        <translation>第 {seq}/{term} 期</translation>
    </message>
    <message>
        <source>Record as paid</source>
        <translation>记为已还</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不处理</translation>
    </message>
    <message>
        <source>Record the ticked installments as paid (Ctrl+Z undoes it)</source>
        <translation>把勾选的各期记为已还（按 Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Leave them all open; you are asked again tomorrow</source>
        <translation>暂时都不登记；明天会再问您</translation>
    </message>
    <message>
        <source>Ticked: {count} of {total}, {amount} in all</source>
        <translation>已勾选 {count}/{total} 期，共 {amount}</translation>
    </message>
</context>
<context>
    <name>AutopayChecklistWidget</name>
    <message>
        <source>Autopay: every platform done</source>
        <translation>自动还款：所有平台都已开通</translation>
    </message>
    <message>
        <source>Autopay by platform</source>
        <translation>各平台自动还款开通情况</translation>
    </message>
    <message>
        <source>No loan is being repaid right now.</source>
        <translation>目前没有还款中的借款。</translation>
    </message>
</context>
<context>
    <name>AutopayNotice</name>
    <message>
        <source>Undone: these installments are open again ({count}).</source>
        <translation>已撤销：这 {count} 期已恢复为待还。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{listed}, and {more} more</source>
        <translation>{listed}，另有 {more} 期</translation>
    </message>
    <message>
        <source>Autopay deductions recorded as paid ({count}): {listed}.</source>
        <translation>已将 {count} 期自动扣款记为已还：{listed}。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AutopayRow</name>
    <message>
        <source>{mark} {platform}: {on} of {active} active loans on autopay</source>
        <translation>{mark} {platform}：{active} 笔还款中的借款，已开通自动还款 {on} 笔</translation>
    </message>
    <message>
        <source>Open the loan to switch it on</source>
        <translation>查看借款并标记自动还款</translation>
    </message>
    <message>
        <source>Opens a {platform} loan not on autopay: tick autopay there</source>
        <translation>打开{platform}一笔未开通自动还款的借款：在其中勾选自动还款</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <source>Outstanding principal by platform</source>
        <translation>各平台未还本金</translation>
    </message>
    <message>
        <source>No loans recorded yet.

Once you add loans and repayments, this chart shows how much principal you still owe day by day, platform by platform — and how it falls as you repay.</source>
        <translation>还没有借款记录。

添加借款和还款后，此图按日、按平台显示您的未还本金，以及它随还款逐步减少的过程。</translation>
    </message>
    <message>
        <source>Outstanding principal (¥)</source>
        <translation>未还本金（元）</translation>
    </message>
    <message>
        <source>Other platforms</source>
        <translation>其他平台</translation>
    </message>
    <message>
        <source>{day} — outstanding principal: {total}</source>
        <translation>{day} — 未还本金：{total}</translation>
    </message>
</context>
<context>
    <name>BorrowingChart</name>
    <message>
        <source>Borrowing frequency</source>
        <translation>借款频率</translation>
    </message>
    <message>
        <source>No loans recorded yet.

Once you add loans, this chart shows how many you take out each month and warns when you take several within 30 days — borrowing often is one reason credit limits get cut.</source>
        <translation>还没有借款记录。

添加借款后，此图显示您每月借款的笔数，并在 30 天内多次借款时发出提醒——借款过于频繁是平台降额的原因之一。</translation>
    </message>
    <message>
        <source>New loans</source>
        <translation>新增借款</translation>
    </message>
    <message>
        <source>Borrowed (¥)</source>
        <translation>借款金额（元）</translation>
    </message>
    <message>
        <source>New loans per month</source>
        <translation>每月新增借款</translation>
    </message>
    <message>
        <source>New loans in the last {days} days</source>
        <translation>最近 {days} 天内的新增借款</translation>
    </message>
    <message>
        <source>At or over the rule&apos;s limit</source>
        <translation>达到或超过预警线</translation>
    </message>
    <message>
        <source>Rule: {count} or more in {days} days</source>
        <translation>预警线：{days} 天内借款 {count} 笔及以上</translation>
    </message>
    <message>
        <source>Amount borrowed per month</source>
        <translation>每月借款金额</translation>
    </message>
    <message>
        <source>{month} — new loans: {count} · borrowed: {amount}</source>
        <translation>{month} — 新增借款：{count} 笔 · 借款金额：{amount}</translation>
    </message>
    <message>
        <source>in the {days} days to {day}: {count} new loans</source>
        <translation>截至 {day} 的 {days} 天内：新增借款 {count} 笔</translation>
    </message>
    <message>
        <source>(at or over the rule&apos;s limit of {count})</source>
        <translation>（达到或超过预警线 {count} 笔）</translation>
    </message>
</context>
<context>
    <name>Bounds</name>
    <message>
        <source>Enter an amount of at most {max}.</source>
        <translation>请输入不超过 {max} 的金额。</translation>
    </message>
    <message>
        <source>Remove the invisible control character ({character}) from this text.</source>
        <translation>请删除文字中不可见的控制字符（{character}）。</translation>
    </message>
    <message>
        <source>{amount} is far below the {proposed} proposed to settle this loan early.

Record the loan as settled with {amount}? Choose Yes only if this is what you paid.</source>
        <translation>{amount} 远低于提前结清建议金额 {proposed}。

确定按 {amount} 记为已结清吗？只有您实际支付的就是这个金额时，才选择“是”。</translation>
    </message>
    <message>
        <source>Pay off early</source>
        <translation>提前结清</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Point at the chart to read the exact values. Drag to move through time; Ctrl+scroll (or click, then scroll) to zoom.</source>
        <translation>将鼠标指向图表可查看具体数值；拖动可查看其他时间段，按住 Ctrl 滚动鼠标滚轮（或先点击图表再滚动）可缩放。</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Open large</source>
        <translation>放大查看</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 个月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3 年</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Health score: {done} of {total} months worked out…</source>
        <translation>正在计算健康分：已完成 {done}/{total} 个月……</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Import only the good rows (leave the bad ones out)</source>
        <translation>只导入正确的行（跳过有问题的行）</translation>
    </message>
    <message>
        <source>The rows to import</source>
        <translation>要导入的行</translation>
    </message>
    <message>
        <source>Leave out the rows with a problem and import the rest</source>
        <translation>跳过有问题的行，导入其余的行</translation>
    </message>
    <message>
        <source>The file&apos;s rows; a bad cell is tinted, and its tooltip says what is wrong</source>
        <translation>文件中的各行；有问题的单元格以底色标出，其提示说明错在哪里</translation>
    </message>
    <message>
        <source>One problem a line: the file, the line, the column and what is wrong</source>
        <translation>每行一个问题：文件、行号、列名和错误原因</translation>
    </message>
    <message>
        <source>Read differently from how they are written:</source>
        <translation>以下数值的识别结果与原文写法不同，请核对：</translation>
    </message>
    <message>
        <source>One a line: the value as written, and how it is read</source>
        <translation>每行一条：文件中写的值，以及它被读作什么</translation>
    </message>
    <message>
        <source>Problems (the first 100):</source>
        <translation>问题（前 100 条）：</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Name, e.g. 招行导出</source>
        <translation>模板名称，例如：招行导出</translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation>保存为导入模板</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>A column mapping you saved before: choosing one applies it</source>
        <translation>您以前保存的列对应方案：选择后即套用</translation>
    </message>
    <message>
        <source>The name to save this column mapping under</source>
        <translation>保存这套列对应方案所用的名称</translation>
    </message>
    <message>
        <source>Keep this column mapping, to use again on files laid out the same way</source>
        <translation>保存这套列对应方案，以后导入格式相同的文件时再用</translation>
    </message>
    <message>
        <source>Saved profile</source>
        <translation>已保存的导入模板</translation>
    </message>
    <message>
        <source>Each column of the file, and what it is imported as:</source>
        <translation>文件各列及其导入内容：</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>What this column of the file is imported as; (ignore) leaves it out</source>
        <translation>文件中的这一列导入为哪一项；选“（忽略）”则不导入</translation>
    </message>
    <message>
        <source>(column {n}, no name)</source>
        <translation>（第 {n} 列，无列名）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>Cost</name>
    <message>
        <source>a {amount} service fee kept back at payout</source>
        <translation>放款时预扣的服务费 {amount}</translation>
    </message>
    <message>
        <source>a {amount} fee with every installment</source>
        <translation>每期手续费 {amount}</translation>
    </message>
    <message>
        <source>a {rate} monthly fee</source>
        <translation>每月 {rate} 的手续费</translation>
    </message>
    <message>
        <source>Paid as its schedule asks ({source}), this loan costs {apr} a year by the IRR method lenders must state ({effective} with the monthly interest compounded), against the {typed} of its interest rate.</source>
        <translation>按还款计划（{source}）还款，以放贷机构须公示的 IRR 方法计算，这笔借款的真实年化利率为 {apr}（按月复利为 {effective}），名义年化利率为 {typed}。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>With {fees}, this loan costs {apr} a year by the IRR method lenders must state ({effective} with the monthly interest compounded), not the {typed} of its interest rate.</source>
        <translation>算上{fees}，以放贷机构须公示的 IRR 方法计算，这笔借款的真实年化利率为 {apr}（按月复利为 {effective}），而不是名义年化利率 {typed}。</translation>
    </message>
    <message>
        <source>With {days} days free of interest, this loan costs {apr} a year by the IRR method lenders must state, against the {typed} of its interest rate.</source>
        <translation>算上 {days} 天免息期，以放贷机构须公示的 IRR 方法计算，这笔借款的真实年化利率为 {apr}，名义年化利率为 {typed}。</translation>
    </message>
    <message>
        <source>This loan costs {apr} a year, as its rate says ({effective} with the monthly interest compounded).</source>
        <translation>这笔借款的真实年化利率为 {apr}，与名义利率一致（按月复利为 {effective}）。</translation>
    </message>
    <message>
        <source>Interest counted by the day (months of 28 to 31 days at 1/360 of the annual rate a day) makes this loan cost {apr} a year, a little more than its {typed}.</source>
        <translation>按日计息（每月 28～31 天，每天按年化利率的 1/360 计息），这笔借款的真实年化利率为 {apr}，略高于名义年化利率 {typed}。</translation>
    </message>
    <message>
        <source>All the interest is paid at the end, so counted the way lenders must state it this loan costs {apr} a year, a little less than its {typed}.</source>
        <translation>利息在到期时一次付清，按放贷机构须公示的方法计算，这笔借款的真实年化利率为 {apr}，略低于名义年化利率 {typed}。</translation>
    </message>
</context>
<context>
    <name>CreditActions</name>
    <message>
        <source>Delete the {platform} limit of {limit} recorded on {day}?
You can undo this with Ctrl+Z.</source>
        <translation>确定删除 {day} 记下的 {platform} 额度 {limit} 吗？
可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete limit record</source>
        <translation>删除额度记录</translation>
    </message>
    <message>
        <source>delete a credit limit record</source>
        <translation>删除额度记录</translation>
    </message>
    <message>
        <source>Delete the credit-report note “{text}”?
You can undo this with Ctrl+Z.</source>
        <translation>确定删除征信记录“{text}”吗？
可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>delete a credit-report note</source>
        <translation>删除征信记录</translation>
    </message>
</context>
<context>
    <name>CreditReportDialog</name>
    <message>
        <source>Import credit report</source>
        <translation>导入征信报告</translation>
    </message>
    <message>
        <source>Open your credit report (个人信用报告, from the credit reference center&apos;s website or your bank&apos;s app) as a text file or a PDF with text, or paste its text below. Its inquiries (机构查询记录明细, 本人查询记录明细) become notes with their reason, and the accounts it shows overdue become overdue records. Nothing of the report leaves your computer, and the file is not copied.</source>
        <translation>打开您的个人信用报告（从征信中心网站或银行 App 下载），可以是文本文件或带文字的 PDF，也可以把报告的文字粘贴到下面。报告里的查询记录（机构查询记录明细、本人查询记录明细）会连同查询原因记成征信记录，有逾期的账户会记成逾期记录。报告内容不会离开您的电脑，文件也不会被复制。</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>…or paste the report&apos;s text here</source>
        <translation>……或把报告的文字粘贴到这里</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>报告文字</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Open credit report</source>
        <translation>打开征信报告</translation>
    </message>
    <message>
        <source>Credit report (*.pdf *.txt);;All files (*)</source>
        <translation>征信报告 (*.pdf *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>What the report adds shows here before anything is saved.</source>
        <translation>保存之前，会在这里列出报告将要添加的内容。</translation>
    </message>
    <message>
        <source>Read: {inquiries} inquiries and {overdue} accounts with overdue months.</source>
        <translation>已读取：{inquiries} 条查询记录，{overdue} 个有逾期的账户。</translation>
    </message>
    <message>
        <source>Report of {day}.</source>
        <translation>报告日期：{day}。</translation>
    </message>
    <message>
        <source>{count} new notes to import.</source>
        <translation>将导入 {count} 条新记录。</translation>
    </message>
    <message>
        <source>{count} recorded already: left as they are.</source>
        <translation>{count} 条已记录过，保持不变。</translation>
    </message>
    <message>
        <source>Open the report&apos;s file or paste its text first.</source>
        <translation>请先打开报告文件，或粘贴报告的文字。</translation>
    </message>
    <message>
        <source>Everything in this report is recorded already.</source>
        <translation>这份报告的内容都已记录过。</translation>
    </message>
</context>
<context>
    <name>CreditReportPanel</name>
    <message>
        <source>Your credit report as lenders read it</source>
        <translation>放贷机构眼中的征信报告</translation>
    </message>
    <message>
        <source>What to do (策略 3(2)): apply for credit only when you need it — every loan or card application stays on the report, and lenders count them over the last 3 and 6 months. Settle anything overdue as soon as you can: a negative record leaves the report five years after it is settled.</source>
        <translation>建议（策略 3(2)）：确有需要时再申请贷款或信用卡——每次申请都会在征信报告上留下查询记录，放贷机构会统计近 3 个月和近 6 个月的查询次数。如有逾期，请尽快还清：不良信息自结清之日起保留 5 年。</translation>
    </message>
    <message>
        <source>Hard inquiries (loan and card applications, guarantee checks): last month {one}, last 3 months {three}, last 6 months {six}.</source>
        <translation>审批类查询（贷款审批、信用卡审批、担保资格审查）：近 1 个月 {one} 次，近 3 个月 {three} 次，近 6 个月 {six} 次。</translation>
    </message>
    <message>
        <source>• {kind} of {day}, unresolved: it leaves the report five years after you settle it</source>
        <translation>• {day} 的{kind}，未解决：结清后 5 年才会移出征信</translation>
    </message>
    <message>
        <source>• {kind} of {day}, resolved: it leaves the report on {gone}</source>
        <translation>• {day} 的{kind}，已解决：将于 {gone} 移出征信</translation>
    </message>
    <message>
        <source>Negative records on the report:</source>
        <translation>征信上的负面记录：</translation>
    </message>
    <message>
        <source>No negative record on the report.</source>
        <translation>征信上没有负面记录。</translation>
    </message>
    <message>
        <source>Reason not known for {count} of the inquiries: double-click each to set it (only loan and card applications and guarantee checks count).</source>
        <translation>有 {count} 条查询记录的原因不明：请双击逐条补上（只有贷款审批、信用卡审批和担保资格审查才计入）。</translation>
    </message>
</context>
<context>
    <name>CsvSteps</name>
    <message>
        <source>loans</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>repayments</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>credit limits</source>
        <translation>额度记录</translation>
    </message>
    <message>
        <source>credit-report notes</source>
        <translation>征信记录</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Alipay statement</source>
        <translation>支付宝账单</translation>
    </message>
    <message>
        <source>An Alipay statement (支付宝交易明细): Next lists its credit rows.</source>
        <translation>这是一份支付宝交易明细：下一步会列出其中与信贷有关的行。</translation>
    </message>
    <message>
        <source>Read as {encoding}, {separator}-separated; header row on line {line}; holds {kind}.</source>
        <translation>按 {encoding} 编码、{separator}分隔读取；表头在第 {line} 行；内容为{kind}。</translation>
    </message>
    <message>
        <source>To sort out on the next page: {problems}</source>
        <translation>需要在下一页处理：{problems}</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>准备就绪。</translation>
    </message>
    <message>
        <source>Ignored: {columns}</source>
        <translation>已忽略：{columns}</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为导入模板命名。</translation>
    </message>
    <message>
        <source>Saved as profile “{name}”; it is offered for the next file.</source>
        <translation>已保存为导入模板“{name}”，下次导入时可直接选用。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行……</translation>
    </message>
    <message>
        <source>{rows} rows of {kind}: {new} new · {present} already there · {bad} bad</source>
        <translation>{rows} 行{kind}：新增 {new} · 已存在 {present} · 有问题 {bad}</translation>
    </message>
    <message>
        <source>Nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
    </message>
    <message>
        <source>Importing {count} {kind}…</source>
        <translation>正在导入 {count} 条{kind}……</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported; everything is as it was before.</source>
        <translation>已取消，未导入任何数据，原有数据保持不变。</translation>
    </message>
    <message>
        <source>Imported {count} {kind}.</source>
        <translation>已导入 {count} 条{kind}。</translation>
    </message>
    <message>
        <source>{count} rows were already there and were not added again.</source>
        <translation>{count} 行已存在，未重复添加。</translation>
    </message>
    <message>
        <source>{count} bad rows were left out.</source>
        <translation>{count} 行有问题，已跳过。</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>{total} to pay with interest</source>
        <translation>本息合计待还 {total}</translation>
    </message>
    <message>
        <source>{installments} installments on {loans} loans</source>
        <translation>{loans} 笔借款共 {installments} 期</translation>
    </message>
    <message>
        <source>nothing overdue</source>
        <translation>没有逾期</translation>
    </message>
    <message>
        <source>{count} installments</source>
        <translation>{count} 期</translation>
    </message>
    <message>
        <source>{count} loans recorded in all</source>
        <translation>共记录 {count} 笔借款</translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation>今天是 {day}</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>未还本金</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Due in the next {days} days</source>
        <translation>未来 {days} 天内到期</translation>
    </message>
    <message>
        <source>Loans being repaid</source>
        <translation>还款中的借款</translation>
    </message>
    <message>
        <source>New loan…</source>
        <translation>新建借款…</translation>
    </message>
    <message>
        <source>Record a loan and build its schedule (Ctrl+N)</source>
        <translation>记录一笔借款并生成还款计划（Ctrl+N）</translation>
    </message>
    <message>
        <source>Log repayment…</source>
        <translation>登记还款…</translation>
    </message>
    <message>
        <source>Log a repayment of the selected installment&apos;s loan (Ctrl+R)</source>
        <translation>为所选这一期所属的借款登记还款（Ctrl+R）</translation>
    </message>
    <message>
        <source>Paid today, in full</source>
        <translation>记为今天已还清</translation>
    </message>
    <message>
        <source>Record the selected installment as paid in full today</source>
        <translation>把选中的这一期登记为今天全额还清</translation>
    </message>
    <message>
        <source>Open loan</source>
        <translation>查看借款</translation>
    </message>
    <message>
        <source>Show the selected installment&apos;s loan: its schedule and repayments</source>
        <translation>打开所选这一期所属的借款：查看还款计划和还款记录</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import loans, repayments, limits or notes from a CSV file (Ctrl+I)</source>
        <translation>从 CSV 文件导入借款、还款、额度或征信记录（Ctrl+I）</translation>
    </message>
    <message>
        <source>Overdue — pay these first</source>
        <translation>已逾期——请优先还款</translation>
    </message>
    <message>
        <source>Nothing is overdue. Well done.</source>
        <translation>目前没有逾期，请继续保持。</translation>
    </message>
    <message>
        <source>One installment a row; double-click one, or select it and press Ctrl+R, to log its repayment</source>
        <translation>每行一期；双击某一期，或选中后按 Ctrl+R，即可登记还款</translation>
    </message>
    <message>
        <source>Nothing falls due in the next {days} days.</source>
        <translation>未来 {days} 天内没有到期的还款。</translation>
    </message>
</context>
<context>
    <name>DataFileCommands</name>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Databases (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <source>Your data is backed up in {path}.</source>
        <translation>您的数据已备份到 {path}。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Your data is restored from {file}.</source>
        <translation>已从 {file} 恢复您的数据。</translation>
    </message>
    <message>
        <source>Your data as it was before is kept in {path}.</source>
        <translation>恢复前的数据已保存在 {path}。</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>用密码保护</translation>
    </message>
    <message>
        <source>Passphrases need SQLCipher, which this installation does not have. Install it with pip install &apos;jiebei-tracker[encryption]&apos; and start the app again.</source>
        <translation>密码保护需要 SQLCipher，当前安装里没有。请用 pip install &apos;jiebei-tracker[encryption]&apos; 安装后重新启动程序。</translation>
    </message>
    <message>
        <source>Export to a folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The folder {folder} already has exported files. Replace them?</source>
        <translation>文件夹 {folder} 中已有导出的文件，要替换吗？</translation>
    </message>
    <message>
        <source>Exported {files} into {folder}.</source>
        <translation>已将 {files} 导出到 {folder}。</translation>
    </message>
    <message>
        <source>These files are not encrypted: your passphrase protects only the data file and its backups.</source>
        <translation>这些文件不加密：密码只保护数据文件和它的备份。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2024-03-05 or 2024年3月5日</source>
        <translation>例如 2024-03-05 或 2024年3月5日</translation>
    </message>
    <message>
        <source>Choose the day on a calendar (Alt+Down)</source>
        <translation>在日历上选择日期（Alt+Down）</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Enter a date, e.g. 2024-03-05.</source>
        <translation>请输入日期，例如 2024-03-05。</translation>
    </message>
    <message>
        <source>This is not a date. Write it like 2024-03-05, 2024/3/5 or 2024年3月5日.</source>
        <translation>无法识别这个日期，请写成 2024-03-05、2024/3/5 或 2024年3月5日的格式。</translation>
    </message>
    <message>
        <source>There is no such day: there is no month {month}.</source>
        <translation>没有这一天：没有 {month} 月（月份为 1～12）。</translation>
    </message>
    <message>
        <source>There is no such day: {month_name} {year} has {days} days.</source>
        <translation>没有这一天：{year}年{month}月只有 {days} 天。</translation>
    </message>
    <message>
        <source>The date cannot be in the future (today is {today}).</source>
        <translation>日期不能晚于今天（今天是 {today}）。</translation>
    </message>
    <message>
        <source>The date cannot be before {earliest}.</source>
        <translation>日期不能早于 {earliest}。</translation>
    </message>
</context>
<context>
    <name>Deferred</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
</context>
<context>
    <name>DemoWindow</name>
    <message>
        <source>6 months</source>
        <translation>6 个月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3 年</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Installment</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation>待还金额</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Autopay</source>
        <translation>自动还款</translation>
    </message>
    <message>
        <source>{seq} of {term}</source>
        <translation>第 {seq}/{term} 期</translation>
    </message>
    <message>
        <source>on</source>
        <translation>已开通</translation>
    </message>
    <message>
        <source>off</source>
        <translation>未开通</translation>
    </message>
    <message>
        <source>{days} days overdue, penalty about {penalty}</source>
        <translation>已逾期 {days} 天，罚息约 {penalty}</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>{days} 天后</translation>
    </message>
</context>
<context>
    <name>DuesTableModel</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Installment</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>if it is protected with a passphrase, this installation cannot open it: pip install &apos;jiebei-tracker[encryption]&apos;</source>
        <translation>如果该文件设有密码，当前安装的版本无法打开它，请运行 pip install &apos;jiebei-tracker[encryption]&apos;</translation>
    </message>
    <message>
        <source>That passphrase is wrong. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
    <message>
        <source>The backup is restored. The file that could not be opened is kept as {path}.</source>
        <translation>备份已恢复。无法打开的文件已保留为 {path}。</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: {reason}

The newest good backup is from {when} ({loans} loans, {repayments} repayments). Restore it? The file that cannot be opened is kept as it is, renamed.</source>
        <translation>无法打开数据库 {path}：{reason}

最新的完好备份来自 {when}（{loans} 笔借款，{repayments} 笔还款）。要恢复它吗？无法打开的文件会改名保留，内容不变。</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: {reason}</source>
        <translation>无法打开数据库 {path}：{reason}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

What you were doing was not saved; everything saved before is unchanged.</source>
        <translation>出错了：{error}

刚才的操作没有保存；之前保存的数据都没有改变。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a CSV or text file of your loans, repayments, credit limits or credit-report notes, or an Alipay statement (支付宝交易明细). How it is read is detected below; change anything read wrong. Nothing is written until you press Import, and an import can be undone.</source>
        <translation>请选择记录借款、还款、额度或征信记录的 CSV 或文本文件，也可以选择支付宝交易明细。下方会自动识别文件的读取方式，如有读错可以修改。点击“导入”之前不会写入任何数据，导入后也可以撤销。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Read another file instead of this one</source>
        <translation>改为读取另一个文件</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Repayments</source>
        <translation>还款记录</translation>
    </message>
    <message>
        <source>Credit limits</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Credit-report notes</source>
        <translation>征信记录</translation>
    </message>
    <message>
        <source>Alipay statement (支付宝交易明细)</source>
        <translation>支付宝账单（支付宝交易明细）</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <source>Preview of the file</source>
        <translation>文件预览</translation>
    </message>
    <message>
        <source>What the file holds: found by itself; choose it if it is found wrong</source>
        <translation>文件里的内容类型：已自动识别；识别错了请自行选择</translation>
    </message>
    <message>
        <source>How the file&apos;s characters are stored: choose another if the text looks garbled</source>
        <translation>文件的字符编码：如果文字显示为乱码，请换一种</translation>
    </message>
    <message>
        <source>The character between the columns of a line</source>
        <translation>同一行中各列之间的分隔字符</translation>
    </message>
    <message>
        <source>The number of the line that holds the column names</source>
        <translation>列名所在的行号</translation>
    </message>
    <message>
        <source>The file&apos;s first lines as they are read now, the header row tinted</source>
        <translation>按当前设置读出的文件前几行，表头行以底色标出</translation>
    </message>
    <message>
        <source>The file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Header row (line)</source>
        <translation>表头（行号）</translation>
    </message>
    <message>
        <source>Detect ({found})</source>
        <translation>自动识别（{found}）</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
</context>
<context>
    <name>FlagCard</name>
    <message>
        <source>Would be: {severity}</source>
        <translation>这样做之后：{severity}</translation>
    </message>
    <message>
        <source>From the article “{title}”: {sections}</source>
        <translation>参考文章《{title}》：{sections}</translation>
    </message>
    <message>
        <source>What we saw: {summary}</source>
        <translation>具体情况：{summary}</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>建议：{advice}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>FlagListWidget</name>
    <message>
        <source>None of the article&apos;s warning signs in your records. Keep repaying on time.</source>
        <translation>您的记录中没有文章提到的风险信号，请继续按时还款。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save what you entered and close this window</source>
        <translation>保存您填写的内容并关闭此窗口</translation>
    </message>
    <message>
        <source>Go on with what you entered</source>
        <translation>按您填写的内容继续</translation>
    </message>
    <message>
        <source>Close this window without changing anything</source>
        <translation>关闭此窗口，不做任何更改</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
</context>
<context>
    <name>HealthChart</name>
    <message>
        <source>Overdue repayment</source>
        <translation>逾期未还</translation>
    </message>
    <message>
        <source>Late repayments</source>
        <translation>逾期后还清</translation>
    </message>
    <message>
        <source>Borrowing too often</source>
        <translation>借款过于频繁</translation>
    </message>
    <message>
        <source>Many platforms</source>
        <translation>多头借贷</translation>
    </message>
    <message>
        <source>Risky use of a loan</source>
        <translation>借款用于高风险投资</translation>
    </message>
    <message>
        <source>Money moved on</source>
        <translation>借款转入其他账户</translation>
    </message>
    <message>
        <source>Borrowing to repay</source>
        <translation>以贷养贷</translation>
    </message>
    <message>
        <source>Negative credit record</source>
        <translation>征信负面记录</translation>
    </message>
    <message>
        <source>Private or small-loan lender</source>
        <translation>民间借贷或小贷公司</translation>
    </message>
    <message>
        <source>No autopay</source>
        <translation>未开通自动还款</translation>
    </message>
    <message>
        <source>Health score</source>
        <translation>健康分</translation>
    </message>
    <message>
        <source>No health score yet.

The score is worked out for each month from your loans, repayments, limits and credit-report notes. Add some, and this chart shows how it moved and when each warning began and ended.</source>
        <translation>还没有健康分。

健康分根据您的借款、还款、额度和征信记录逐月计算。添加记录后，此图会显示分数的变化，以及每个风险信号的开始和结束时间。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Score at each month end</source>
        <translation>每月月末分数</translation>
    </message>
    <message>
        <source>Warning in force</source>
        <translation>风险信号持续中</translation>
    </message>
    <message>
        <source>began</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>{day} — score {score} ({band})</source>
        <translation>{day} — {score} 分（{band}）</translation>
    </message>
    <message>
        <source>in force: {flags}</source>
        <translation>持续中：{flags}</translation>
    </message>
    <message>
        <source>began: {flags}</source>
        <translation>开始：{flags}</translation>
    </message>
    <message>
        <source>ended: {flags}</source>
        <translation>结束：{flags}</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Working out your health check…</source>
        <translation>正在进行健康检查……</translation>
    </message>
    <message>
        <source>The health check could not be worked out: {error}</source>
        <translation>健康检查未能完成：{error}</translation>
    </message>
</context>
<context>
    <name>HealthScoreWidget</name>
    <message>
        <source>Credit health score</source>
        <translation>健康分</translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation>还没有记录</translation>
    </message>
    <message>
        <source>Same as last month</source>
        <translation>与上月持平</translation>
    </message>
    <message>
        <source>{arrow} {points} since last month</source>
        <translation>较上月 {arrow} {points} 分</translation>
    </message>
    <message>
        <source>Monthly score, {first} to {last}</source>
        <translation>每月健康分（{first} 至 {last}）</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可撤销的导入。</translation>
    </message>
    <message>
        <source>Take back the import of {file} ({when}): {counts}</source>
        <translation>撤销 {when} 对 {file} 的导入：{counts}</translation>
    </message>
    <message numerus="yes">
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n 笔借款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repayment(s)</source>
        <translation>
            <numerusform>%n 笔还款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit limit(s)</source>
        <translation>
            <numerusform>%n 条额度记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit-report note(s)</source>
        <translation>
            <numerusform>%n 条征信记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n platform(s)</source>
        <translation>
            <numerusform>%n 个平台</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of {file} ({when})?

What it added is removed: {counts}. Repayments it replaced come back; nothing else changes.</source>
        <translation>要撤销 {when} 对 {file} 的导入吗？

这次导入添加的记录将被删除：{counts}。被它替换的还款记录会恢复，其他数据不变。</translation>
    </message>
    <message>
        <source>The import of {file} cannot be undone: {reason}</source>
        <translation>无法撤销对 {file} 的导入：{reason}</translation>
    </message>
    <message>
        <source>Import of {file} undone: {counts} removed.</source>
        <translation>已撤销对 {file} 的导入：删除了 {counts}。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>Go back to the step before</source>
        <translation>回到上一步</translation>
    </message>
    <message>
        <source>Go on to the next step (nothing is written yet)</source>
        <translation>继续下一步（此时还不会写入任何数据）</translation>
    </message>
    <message>
        <source>Write these rows into your data (the import can be undone)</source>
        <translation>把这些行写入您的数据（导入可以撤销）</translation>
    </message>
    <message>
        <source>Take back everything this import wrote</source>
        <translation>撤销这次导入写入的全部内容</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>CSV and text files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV 和文本文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Step 1 of 2: choose the file and check how it is read</source>
        <translation>第 1 步（共 2 步）：选择文件，并核对读取方式</translation>
    </message>
    <message>
        <source>Step 1 of 3: choose the file and check how it is read</source>
        <translation>第 1 步（共 3 步）：选择文件，并核对读取方式</translation>
    </message>
    <message>
        <source>Step 2 of 3: say what each column is</source>
        <translation>第 2 步（共 3 步）：确认每一列的内容</translation>
    </message>
    <message>
        <source>Step 3 of 3: check the rows, then import</source>
        <translation>第 3 步（共 3 步）：核对各行，然后导入</translation>
    </message>
    <message>
        <source>Step 2 of 2: say what each statement row is, then import</source>
        <translation>第 2 步（共 2 步）：确认账单中每一笔的归属，然后导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close the import window</source>
        <translation>关闭导入窗口</translation>
    </message>
    <message>
        <source>Stop here: nothing is imported</source>
        <translation>到此为止：不导入任何内容</translation>
    </message>
    <message>
        <source>Cancelling — nothing will be kept…</source>
        <translation>正在取消，本次导入的内容不会保留……</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <source>Everything this import added was removed: your data is as it was before the import.</source>
        <translation>本次导入添加的内容已全部删除，您的数据已恢复到导入之前的状态。</translation>
    </message>
    <message>
        <source>Nothing was imported: {message}</source>
        <translation>未导入任何内容：{message}</translation>
    </message>
</context>
<context>
    <name>LimitDialog</name>
    <message>
        <source>Record a credit limit</source>
        <translation>记录信用额度</translation>
    </message>
    <message>
        <source>Correct a credit limit</source>
        <translation>更正额度记录</translation>
    </message>
    <message>
        <source>e.g. 借呗, 微粒贷, 招商银行</source>
        <translation>例如：借呗、微粒贷、招商银行</translation>
    </message>
    <message>
        <source>the limit shown in the app, in yuan, e.g. 50000</source>
        <translation>App 中显示的额度，单位：元，例如 50000</translation>
    </message>
    <message>
        <source>optional: what the platform said</source>
        <translation>选填：平台给出的说明</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>The platform whose limit this is: choose one, or type a new name</source>
        <translation>这个额度属于哪个平台：选择一个，或输入新的名称</translation>
    </message>
    <message>
        <source>Seen on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation>信用额度（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The last limit recorded here is {limit}.</source>
        <translation>上次记录的额度是 {limit}。</translation>
    </message>
    <message>
        <source>No limit recorded for this platform yet.</source>
        <translation>这个平台还没有记录过额度。</translation>
    </message>
    <message>
        <source>Name the platform.</source>
        <translation>请填写平台名称。</translation>
    </message>
    <message>
        <source>Enter the limit in yuan, zero or more, e.g. 50000.</source>
        <translation>请输入以元为单位的额度（不小于 0），例如 50000。</translation>
    </message>
</context>
<context>
    <name>LimitHistoryModel</name>
    <message>
        <source>Recorded on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>first record</source>
        <translation>首次记录</translation>
    </message>
</context>
<context>
    <name>LimitsChart</name>
    <message>
        <source>Credit limit and use: {platform}</source>
        <translation>信用额度与使用情况：{platform}</translation>
    </message>
    <message>
        <source>Credit limit and use</source>
        <translation>信用额度与使用情况</translation>
    </message>
    <message>
        <source>No credit limits or loans recorded yet.

Record a platform&apos;s limit each time you check it. This chart then shows the limit against what you owe on that platform and marks every cut — click a cut to see its likely reasons.</source>
        <translation>还没有额度或借款记录。

每次查看平台额度时记录下来，此图就会把额度和您在该平台的欠款对照显示，并标出每一次降额——点击降额标记可查看可能的原因。</translation>
    </message>
    <message>
        <source>Yuan (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>The platform to show</source>
        <translation>要显示的平台</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Used (outstanding principal)</source>
        <translation>已用（未还本金）</translation>
    </message>
    <message>
        <source>Limit cut — click for the likely reasons</source>
        <translation>降额——点击查看可能的原因</translation>
    </message>
    <message>
        <source>No limit recorded for this platform yet</source>
        <translation>这个平台还没有记录过额度</translation>
    </message>
    <message>
        <source>{day} — {platform}: no limit recorded · used {used}</source>
        <translation>{day} — {platform}：未记录额度 · 已用 {used}</translation>
    </message>
    <message>
        <source>{day} — {platform}: limit {limit} · used {used} ({share})</source>
        <translation>{day} — {platform}：额度 {limit} · 已用 {used}（{share}）</translation>
    </message>
    <message>
        <source>limit cut on {day}: {before} → {after} (click ▼ for the likely reasons)</source>
        <translation>{day} 降额：{before} → {after}（点击 ▼ 查看可能的原因）</translation>
    </message>
</context>
<context>
    <name>LoanActions</name>
    <message>
        <source>Delete the loan from {platform} of {day}, with its schedule and repayments?
You can undo this with Ctrl+Z.</source>
        <translation>确定删除 {day} 在{platform}的借款吗？其还款计划和还款记录将一并删除。
可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete loan</source>
        <translation>删除借款</translation>
    </message>
    <message>
        <source>delete the {platform} loan of {day}</source>
        <translation>删除 {day} 的{platform}借款</translation>
    </message>
    <message>
        <source>Delete the repayment of {amount} made on {day}?
You can undo this with Ctrl+Z.</source>
        <translation>确定删除 {day} 的 {amount} 还款记录吗？
可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete repayment</source>
        <translation>删除还款</translation>
    </message>
    <message>
        <source>delete a repayment</source>
        <translation>删除还款</translation>
    </message>
    <message>
        <source>repay {amount} early on {platform}</source>
        <translation>提前还{platform}借款 {amount}</translation>
    </message>
    <message>
        <source>Repaid {amount} of the {platform} loan early; its schedule was rebuilt.</source>
        <translation>已提前还{platform}借款 {amount}，还款计划已重新计算。</translation>
    </message>
    <message>
        <source>use the platform&apos;s plan for the {platform} loan</source>
        <translation>按平台还款计划录入{platform}借款</translation>
    </message>
    <message>
        <source>edit a repayment on {platform}</source>
        <translation>修改还款（{platform}）</translation>
    </message>
    <message>
        <source>This repayment is a part prepayment (提前还部分): the loan&apos;s schedule was rebuilt around it, so it cannot be changed or deleted on its own. Take it back with Undo (Ctrl+Z) right after making it, or edit the loan&apos;s terms, which builds its schedule again.</source>
        <translation>这笔还款属于提前还部分：借款的还款计划已按它重新生成，不能单独修改或删除。可在操作后立即用撤销（Ctrl+Z）撤回，或修改这笔借款的条件，让本应用重新生成还款计划。</translation>
    </message>
    <message>
        <source>log a repayment of {amount} on {platform}</source>
        <translation>登记还款 {amount}（{platform}）</translation>
    </message>
    <message>
        <source>Logged {amount} on {platform}.</source>
        <translation>已登记还款 {amount}（{platform}）。</translation>
    </message>
    <message>
        <source>Logged {amount} on {platform}, installment {first} of {term}.</source>
        <translation>已登记还款 {amount}（{platform}，第 {first}/{term} 期）。</translation>
    </message>
    <message>
        <source>Logged {amount} on {platform}, installments {first}–{last} of {term}.</source>
        <translation>已登记还款 {amount}（{platform}，第 {first}～{last} 期，共 {term} 期）。</translation>
    </message>
    <message>
        <source>settle the {platform} loan early</source>
        <translation>提前结清借款（{platform}）</translation>
    </message>
    <message>
        <source>Logged an early payoff of {amount} on {platform}: the loan is settled.</source>
        <translation>已登记提前结清 {amount}（{platform}），这笔借款已结清。</translation>
    </message>
    <message>
        <source>Log repayment</source>
        <translation>登记还款</translation>
    </message>
</context>
<context>
    <name>LoanDetailDialog</name>
    <message>
        <source>{platform} loan of {day}</source>
        <translation>{day} 的{platform}借款</translation>
    </message>
    <message>
        <source>&lt;b&gt;{platform}&lt;/b&gt; — {principal} borrowed on {day}, {term} months, {method}, {rate}&lt;br&gt;Purpose: {purpose} · Autopay: {autopay} · Outstanding principal: {outstanding} · Status: {status}</source>
        <translation>&lt;b&gt;{platform}&lt;/b&gt; — {day} 借款 {principal}，{term} 个月，{method}，{rate}&lt;br&gt;用途：{purpose} · 自动还款：{autopay} · 未还本金：{outstanding} · 状态：{status}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>已开通</translation>
    </message>
    <message>
        <source>off</source>
        <translation>未开通</translation>
    </message>
    <message>
        <source>Schedule: {source}.</source>
        <translation>还款计划：{source}。</translation>
    </message>
    <message>
        <source>Interest counted: {basis} · True APR: &lt;b&gt;{apr}&lt;/b&gt;. {why}</source>
        <translation>计息方式：{basis} · 真实年化利率：&lt;b&gt;{apr}&lt;/b&gt;。{why}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Log repayment…</source>
        <translation>登记还款…</translation>
    </message>
    <message>
        <source>Pay off early…</source>
        <translation>提前还清…</translation>
    </message>
    <message>
        <source>Repay part early…</source>
        <translation>提前还部分…</translation>
    </message>
    <message>
        <source>Paste the platform&apos;s plan…</source>
        <translation>粘贴平台还款计划…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete loan</source>
        <translation>删除借款</translation>
    </message>
    <message>
        <source>Delete repayment</source>
        <translation>删除还款</translation>
    </message>
    <message>
        <source>Edit repayment…</source>
        <translation>修改还款…</translation>
    </message>
    <message>
        <source>Correct its day, amount or note (or double-click it)</source>
        <translation>修改还款日期、金额或备注（也可双击这条还款）</translation>
    </message>
    <message>
        <source>Print schedule…</source>
        <translation>打印还款计划…</translation>
    </message>
    <message>
        <source>Schedule (double-click an open installment to log a repayment)</source>
        <translation>还款计划（双击未还清的一期即可登记还款）</translation>
    </message>
    <message>
        <source>Repayments (double-click one to correct it)</source>
        <translation>还款记录（双击一条可修改）</translation>
    </message>
</context>
<context>
    <name>LoanEditorDialog</name>
    <message>
        <source>Edit loan</source>
        <translation>编辑借款</translation>
    </message>
    <message>
        <source>New loan</source>
        <translation>新建借款</translation>
    </message>
    <message>
        <source>e.g. 借呗, 微粒贷, 招商银行</source>
        <translation>例如：借呗、微粒贷、招商银行</translation>
    </message>
    <message>
        <source>amount in yuan, e.g. 12000</source>
        <translation>金额（元），例如 12000</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Annual rate (年化)</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Daily rate (日利率)</source>
        <translation>日利率</translation>
    </message>
    <message>
        <source>e.g. 9.12% a year, or 0.03% a day</source>
        <translation>例如年化 9.12%，或日利率 0.03%</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>optional: a service fee kept back at payout (砍头息)</source>
        <translation>选填：放款时预扣的服务费（砍头息）</translation>
    </message>
    <message>
        <source>optional: e.g. 10 (yuan), or 0.65% of the principal</source>
        <translation>选填：例如 10（元），或本金的 0.65%</translation>
    </message>
    <message>
        <source>— what is the money for? —</source>
        <translation>— 请选择借款用途 —</translation>
    </message>
    <message>
        <source>Repayments are deducted automatically (autopay)</source>
        <translation>已开通自动还款（到期自动扣款）</translation>
    </message>
    <message>
        <source>optional: the platform&apos;s loan number</source>
        <translation>选填：平台上的借款编号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>The lender: choose one you used before, or type a new name</source>
        <translation>放贷平台：选择用过的，或输入新的名称</translation>
    </message>
    <message>
        <source>Borrowed on</source>
        <translation>借款日期</translation>
    </message>
    <message>
        <source>Principal (yuan)</source>
        <translation>本金（元）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>How many monthly installments the loan is repaid in</source>
        <translation>这笔借款分几期按月还清</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>How the lender splits the repayments into installments (see your contract)</source>
        <translation>放贷机构如何把还款分到各期（见您的借款合同）</translation>
    </message>
    <message>
        <source>Interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Whether the rate is quoted a year (年化) or a day (日利率), as in your contract</source>
        <translation>按借款合同上的写法，选择利率是年化还是日利率</translation>
    </message>
    <message>
        <source>Interest counted</source>
        <translation>计息方式</translation>
    </message>
    <message>
        <source>By the month, or by the actual days between due dates</source>
        <translation>按月计息，或按两个还款日之间的实际天数计息</translation>
    </message>
    <message>
        <source>Interest-free days</source>
        <translation>免息天数</translation>
    </message>
    <message>
        <source>Service fee (yuan)</source>
        <translation>服务费（元）</translation>
    </message>
    <message>
        <source>Fee per installment</source>
        <translation>每期手续费</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>What the money is for (choose one)</source>
        <translation>这笔钱的用途（请选择一项）</translation>
    </message>
    <message>
        <source>Tick it if the platform takes each installment from your account on its due date</source>
        <translation>如果平台在每期还款日从您的账户自动扣款，请勾选</translation>
    </message>
    <message>
        <source>Loan number</source>
        <translation>借款编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Anything you want to remember about this loan (optional)</source>
        <translation>关于这笔借款您想记下的任何内容（可选）</translation>
    </message>
    <message>
        <source>Check first…</source>
        <translation>先评估影响…</translation>
    </message>
    <message>
        <source>See what this loan would do to your credit health before you record it (nothing is saved)</source>
        <translation>记录之前，先看看这笔借款会对您的信用健康有什么影响（不会保存任何内容）</translation>
    </message>
    <message>
        <source>{rate} a day is {annual} a year — a very high rate. Check it, and think twice about this loan.</source>
        <translation>日利率 {rate} 相当于年化 {annual}——利率非常高。请核对，并慎重考虑这笔借款。</translation>
    </message>
    <message>
        <source>{annual} a year is a very high rate. Check it, and think twice about this loan.</source>
        <translation>年化 {annual} 的利率非常高。请核对，并慎重考虑这笔借款。</translation>
    </message>
    <message>
        <source>Interest counted by the day: lenders that quote a daily rate (借呗, 微粒贷, 京东金条) charge the actual days between due dates. Choose Monthly if your contract says otherwise.</source>
        <translation>已选按日计息：报日利率的平台（借呗、微粒贷、京东金条）按两次还款日之间的实际天数计息。如果您的合同另有约定，请改选按月计息。</translation>
    </message>
    <message>
        <source>Days from the start on which no interest is charged (an interest-free coupon)</source>
        <translation>从借款日起不计利息的天数（免息券）</translation>
    </message>
    <message>
        <source>Interest-free days need interest counted by the day.</source>
        <translation>免息天数只适用于按日计息。</translation>
    </message>
    <message>
        <source>True annual cost (APR): {apr}</source>
        <translation>真实年化利率：{apr}</translation>
    </message>
    <message>
        <source>Name the platform.</source>
        <translation>请填写平台名称。</translation>
    </message>
    <message>
        <source>Choose what the money is for.</source>
        <translation>请选择借款用途。</translation>
    </message>
    <message>
        <source>The fee kept back must be less than the principal.</source>
        <translation>预扣的服务费必须少于本金。</translation>
    </message>
    <message>
        <source>Enter the fee in yuan, e.g. 300, or leave it empty.</source>
        <translation>请输入服务费金额（元），例如 300，或留空。</translation>
    </message>
    <message>
        <source>Enter a fee in yuan (e.g. 10) or a share of the principal a month (e.g. 0.65%), not above 10%.</source>
        <translation>请输入每期手续费金额（例如 10 元），或每月占本金的比例（例如 0.65%），不超过 10%。</translation>
    </message>
    <message>
        <source>This loan&apos;s schedule is the platform&apos;s own plan. New terms build the schedule again from them, and the platform&apos;s figures are dropped. Replace the schedule?</source>
        <translation>这笔借款的还款计划是按平台的还款计划录入的。修改借款条件会按新条件重新计算还款计划，平台的数字将不再保留。要替换还款计划吗？</translation>
    </message>
    <message>
        <source>This loan&apos;s schedule was rebuilt after a part prepayment. New terms build it again from them, and the prepayment counts as an ordinary repayment. Replace the schedule?</source>
        <translation>这笔借款提前还过一部分，还款计划已重新计算。修改借款条件会按新条件重新计算还款计划，那笔提前还款将按普通还款计入。要替换还款计划吗？</translation>
    </message>
    <message>
        <source>Replace the schedule</source>
        <translation>替换还款计划</translation>
    </message>
    <message>
        <source>The borrowing date cannot be in the future.</source>
        <translation>借款日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Enter an amount above zero, e.g. 12000 or 12,000.50.</source>
        <translation>请输入大于 0 的金额，例如 12000 或 12,000.50。</translation>
    </message>
    <message>
        <source>Enter a rate such as 9.12% (annual) or 0.03% (daily), not above 1000% a year.</source>
        <translation>请输入利率，例如 9.12%（年化）或 0.03%（日利率），年化不超过 1000%。</translation>
    </message>
    <message>
        <source>Another loan already has this loan number.</source>
        <translation>已有另一笔借款使用了这个编号。</translation>
    </message>
    <message>
        <source>A repayment is recorded before this date. Delete that repayment first.</source>
        <translation>在这个日期之前已有还款记录，请先删除那笔还款。</translation>
    </message>
    <message>
        <source>The repayments already recorded are more than these terms ask for. Delete some repayments first.</source>
        <translation>已登记的还款超过了新条件下应还的金额，请先删除部分还款。</translation>
    </message>
</context>
<context>
    <name>LoansTableModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Borrowed on</source>
        <translation>借款日期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>True APR</source>
        <translation>真实年化</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未还本金</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次还款日</translation>
    </message>
    <message>
        <source>Next amount</source>
        <translation>下次应还</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{rate} a day</source>
        <translation>日利率 {rate}</translation>
    </message>
    <message>
        <source>{rate} a year</source>
        <translation>年化 {rate}</translation>
    </message>
</context>
<context>
    <name>LoansView</name>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>{count} loans</source>
        <translation>{count} 笔借款</translation>
    </message>
    <message>
        <source>No loan matches the filter.</source>
        <translation>没有符合筛选条件的借款。</translation>
    </message>
    <message>
        <source>No loans yet. Add one with New loan (Ctrl+N), or import a CSV file (Ctrl+I).</source>
        <translation>还没有借款。点“新建借款”（Ctrl+N）添加一笔，或导入 CSV 文件（Ctrl+I）。</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Find: platform, date, amount, method, purpose, note…</source>
        <translation>查找：平台、日期、金额、还款方式、用途、备注……</translation>
    </message>
    <message>
        <source>Find loans</source>
        <translation>查找借款</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Your loans, one a row; Enter or a double-click opens one, Delete deletes it (Ctrl+Z undoes)</source>
        <translation>您的借款，每行一笔；按 Enter 或双击打开，按 Delete 删除（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Show only the loans of one platform</source>
        <translation>只显示某个平台的借款</translation>
    </message>
    <message>
        <source>Show only the loans being repaid, overdue or settled</source>
        <translation>只显示还款中、已逾期或已结清的借款</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Select a loan first (on the Dashboard or in Loans).</source>
        <translation>请先选择一笔借款（在“总览”或“借款”页中）。</translation>
    </message>
    <message>
        <source>Health report</source>
        <translation>信用健康报告</translation>
    </message>
    <message>
        <source>Jiebei Tracker</source>
        <translation>借呗信用健康助手</translation>
    </message>
    <message>
        <source>{title} — sample data</source>
        <translation>{title} — 示例数据</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Choose the page to show (Ctrl+1 to Ctrl+6)</source>
        <translation>选择要显示的页面（Ctrl+1 至 Ctrl+6）</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <source>The menus the window is too narrow to show</source>
        <translation>窗口太窄而显示不下的菜单</translation>
    </message>
    <message>
        <source>Sample data: {path}</source>
        <translation>示例数据：{path}</translation>
    </message>
    <message>
        <source>Your data: {path} — encrypted with your passphrase (exports, reports and calendars you save are not)</source>
        <translation>数据文件：{path}——已用密码加密（另存的导出文件、报告和日历不加密）</translation>
    </message>
    <message>
        <source>Your data: {path}</source>
        <translation>数据文件：{path}</translation>
    </message>
    <message>
        <source>About Jiebei Tracker</source>
        <translation>关于借呗信用健康助手</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Jiebei Tracker {version}&lt;/h3&gt;&lt;p&gt;Keeps your loans, repayments, credit limits and credit-report notes on this computer and helps you keep your borrowing healthy.&lt;/p&gt;&lt;p&gt;Your data: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;借呗信用健康助手 {version}&lt;/h3&gt;&lt;p&gt;在这台电脑上保存您的借款、还款、信用额度和征信记录，帮助您保持健康的借贷习惯。&lt;/p&gt;&lt;p&gt;数据文件：{path}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit credit-report note</source>
        <translation>编辑征信记录</translation>
    </message>
    <message>
        <source>New credit-report note</source>
        <translation>新建征信记录</translation>
    </message>
    <message>
        <source>As the text says (贷款审批, 贷后管理, …)</source>
        <translation>按内容判断（贷款审批、贷后管理……）</translation>
    </message>
    <message>
        <source>e.g. 招商银行股份有限公司信用卡中心</source>
        <translation>例如：招商银行股份有限公司信用卡中心</translation>
    </message>
    <message>
        <source>e.g. 贷款审批查询 — 微粒贷, or: credit card 1 month overdue, settled</source>
        <translation>例如：贷款审批——微众银行（微粒贷）；或：信用卡逾期 1 期，已结清</translation>
    </message>
    <message>
        <source>Lenders count the inquiries made for loan or card applications and guarantee checks; a lender you already have checking (贷后管理) or your own look (本人查询) does not count. Overdue, guarantee and bad-debt records stay on the report until five years after they are settled. Enter saves; Shift+Enter starts a new line.</source>
        <translation>放贷机构只统计因贷款审批、信用卡审批和担保资格审查产生的查询；已有放贷机构的贷后管理查询和您的本人查询都不计入。逾期、担保和不良记录自结清之日起在征信报告上保留 5 年。按 Enter 保存，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Date on the report</source>
        <translation>报告上的日期</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>What kind of record the credit report shows: an inquiry, an overdue record, a guarantee…</source>
        <translation>征信报告上是哪一类记录：查询记录、逾期记录、担保记录……</translation>
    </message>
    <message>
        <source>Reason (查询原因)</source>
        <translation>查询原因</translation>
    </message>
    <message>
        <source>Why the inquiry was made, as the report says: it decides whether lenders count it</source>
        <translation>征信报告上写的查询原因：决定放贷机构是否把这次查询算在内</translation>
    </message>
    <message>
        <source>Institution (查询机构)</source>
        <translation>查询机构</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>The record in your words or as on the report. Enter saves; Shift+Enter starts a new line.</source>
        <translation>用您自己的话或照征信报告写下这条记录。按 Enter 保存，按 Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Say what the credit report shows.</source>
        <translation>请填写征信报告上显示的内容。</translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>Noted on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>查询原因</translation>
    </message>
    <message>
        <source>What the report shows</source>
        <translation>报告内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Leaves the report</source>
        <translation>移出征信</translation>
    </message>
    <message>
        <source>Not known: set it</source>
        <translation>不明，请补充</translation>
    </message>
    <message>
        <source>5 years after it is settled</source>
        <translation>结清后 5 年</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Resolved on {day}</source>
        <translation>已于 {day} 解决</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>No note matches “{words}”.</source>
        <translation>没有符合“{words}”的征信记录。</translation>
    </message>
    <message>
        <source>Every note is resolved.</source>
        <translation>所有记录都已解决。</translation>
    </message>
    <message>
        <source>No notes yet. Copy here what your credit report (征信报告) shows: inquiries by lenders, overdue records, guarantees, bad debts. Get the report from the PBOC credit reference center or your bank&apos;s app.</source>
        <translation>还没有记录。请把征信报告上的内容记在这里：机构查询、逾期记录、担保、不良记录。征信报告可在中国人民银行征信中心网站或银行 App 查询。</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>改回未解决</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>标记为已解决</translation>
    </message>
    <message>
        <source>Count the selected note as still open</source>
        <translation>把选中的备注改回未解决</translation>
    </message>
    <message>
        <source>Mark the selected note as settled (an inquiry cannot be: it stays on the report)</source>
        <translation>把选中的备注标记为已解决（查询记录不能标记：它会一直留在征信报告上）</translation>
    </message>
    <message>
        <source>Lenders read your credit report. Keep its lines here: applications for credit (loan and card approvals, guarantee checks) count towards “credit on many platforms” over the last months, and overdue, guarantee and bad-debt records weigh on your limits until five years after they are settled.</source>
        <translation>放贷机构会查看您的征信报告，把报告内容记在这里：近几个月的贷款、信用卡审批和担保资格审查查询会计入“多头借贷”；逾期、担保和不良记录在结清后 5 年内都会影响您的额度。</translation>
    </message>
    <message>
        <source>New note…</source>
        <translation>新建记录…</translation>
    </message>
    <message>
        <source>Write down a line of your credit report: an inquiry, an overdue record…</source>
        <translation>记下征信报告上的一条记录：查询记录、逾期记录……</translation>
    </message>
    <message>
        <source>Import credit report…</source>
        <translation>导入征信报告…</translation>
    </message>
    <message>
        <source>Read the inquiries and overdue accounts of your credit report (个人信用报告): a text file, a PDF with text, or its text pasted</source>
        <translation>读取个人信用报告里的查询记录和逾期账户：文本文件、带文字的 PDF，或粘贴的文字</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change the selected note (or double-click it)</source>
        <translation>修改选中的备注（或双击它）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected note (Ctrl+Z brings it back)</source>
        <translation>删除选中的备注（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Show resolved notes</source>
        <translation>显示已解决的记录</translation>
    </message>
    <message>
        <source>Untick it to list only the notes still open</source>
        <translation>取消勾选后只列出尚未解决的备注</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>搜索征信记录</translation>
    </message>
    <message>
        <source>Credit report notes</source>
        <translation>征信记录</translation>
    </message>
    <message>
        <source>Show only the notes that hold what you type</source>
        <translation>只显示含有您输入内容的备注</translation>
    </message>
    <message>
        <source>The lines of your credit report you wrote down, one a row; a double-click edits one</source>
        <translation>您记下的征信报告记录，每行一条；双击可修改</translation>
    </message>
</context>
<context>
    <name>OnTimeChart</name>
    <message>
        <source>On-time repayment rate</source>
        <translation>按时还款率</translation>
    </message>
    <message>
        <source>No installments have fallen due yet.

When they do, this chart shows what share you paid on time each month and over the last 3, 6 and 12 months, and marks the months with late or overdue payments — paying on time is the first thing that wins a credit limit back.</source>
        <translation>还没有到期的还款。

有到期的还款后，此图显示每月以及最近 3、6、12 个月的按时还款率，并标出有逾期后还清或逾期未还的月份——按时还款是恢复额度的第一步。</translation>
    </message>
    <message>
        <source>Paid on time</source>
        <translation>按时还款</translation>
    </message>
    <message>
        <source>Month&apos;s rate</source>
        <translation>当月按时还款率</translation>
    </message>
    <message>
        <source>Month with a late payment</source>
        <translation>有逾期后还清的月份</translation>
    </message>
    <message>
        <source>Month with an overdue installment</source>
        <translation>有逾期未还的月份</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>最近 6 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>{month} — nothing fell due</source>
        <translation>{month} — 没有到期的还款</translation>
    </message>
    <message>
        <source>{month} — {on_time} of {counted} installments paid on time ({rate})</source>
        <translation>{month} — {counted} 期中按时还款 {on_time} 期（{rate}）</translation>
    </message>
    <message>
        <source>paid late: {count}</source>
        <translation>逾期后还清：{count} 期</translation>
    </message>
    <message>
        <source>overdue: {count}</source>
        <translation>逾期未还：{count} 期</translation>
    </message>
    <message>
        <source>last {months} months: {rate} ({on_time}/{counted})</source>
        <translation>最近 {months} 个月：{rate}（{on_time}/{counted}）</translation>
    </message>
</context>
<context>
    <name>OutflowChart</name>
    <message>
        <source>Nothing falls due in these twelve months, with the change or without.</source>
        <translation>未来 12 个月内，无论是否这样做，都没有到期的还款。</translation>
    </message>
    <message>
        <source>As things are</source>
        <translation>维持现状</translation>
    </message>
    <message>
        <source>With the change</source>
        <translation>这样做之后</translation>
    </message>
    <message>
        <source>Going out each month, the next twelve months</source>
        <translation>未来 12 个月每月还款额</translation>
    </message>
</context>
<context>
    <name>OverdueDuesWidget</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Pay now</source>
        <translation>登记还款</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>没有逾期。</translation>
    </message>
</context>
<context>
    <name>PassphrasePrompt</name>
    <message>
        <source>Off: you type it each time the app opens. On: your system&apos;s keyring keeps it, and the app opens without asking</source>
        <translation>不勾选：每次打开应用时输入。勾选：由系统密钥环保存，应用打开时不再询问</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Your data file {path} is protected with a passphrase (or it is not a database). Enter its passphrase to open it.</source>
        <translation>数据文件 {path} 已设置密码（或该文件不是数据库）。请输入密码以打开。</translation>
    </message>
    <message>
        <source>The passphrase you chose for this data file (what you type stays hidden)</source>
        <translation>您为这个数据文件设置的密码短语（输入的内容不会显示）</translation>
    </message>
    <message>
        <source>Remember it in the system keyring</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>Open the data file with this passphrase</source>
        <translation>用这个密码短语打开数据文件</translation>
    </message>
    <message>
        <source>Do not open the data file</source>
        <translation>不打开数据文件</translation>
    </message>
</context>
<context>
    <name>PastInstallmentsBox</name>
    <message>
        <source>Installments already due</source>
        <translation>已到期的各期</translation>
    </message>
    <message>
        <source>Repaid on schedule up to today</source>
        <translation>已按期还到今天</translation>
    </message>
    <message>
        <source>Repaid on schedule up to …</source>
        <translation>已按期还到……</translation>
    </message>
    <message>
        <source>Settled early on …</source>
        <translation>已于……提前结清</translation>
    </message>
    <message>
        <source>Not repaid (they are overdue)</source>
        <translation>未还（记为逾期）</translation>
    </message>
    <message>
        <source>e.g. 8123.45</source>
        <translation>例如 8123.45</translation>
    </message>
    <message>
        <source>Amount paid to settle (yuan)</source>
        <translation>结清金额（元）</translation>
    </message>
    <message>
        <source>Enter an amount above zero, e.g. 8123.45.</source>
        <translation>请输入大于 0 的金额，例如 8123.45。</translation>
    </message>
    <message>
        <source>Choose a day between the borrowing date and today.</source>
        <translation>请选择借款日期到今天之间的日期。</translation>
    </message>
    <message>
        <source>Fill in the loan above to see what will be recorded.</source>
        <translation>填好上面的借款信息后，这里会显示将记录哪些还款。</translation>
    </message>
    <message>
        <source>Enter a valid day to see what will be recorded.</source>
        <translation>填好有效的日期后，这里会显示将记录哪些还款。</translation>
    </message>
    <message>
        <source>Enter the amount paid to settle to see what will be recorded.</source>
        <translation>填好结清金额后，这里会显示将记录哪些还款。</translation>
    </message>
    <message>
        <source>1 installment will be recorded as paid on its due date, {amount}.</source>
        <translation>将把 1 期记为在到期日按期还清，共 {amount}。</translation>
    </message>
    <message numerus="yes">
        <source>%n installments will be recorded as paid on their due dates, {amount}.</source>
        <translation>
            <numerusform>将把 %n 期记为在到期日按期还清，共 {amount}。</numerusform>
        </translation>
    </message>
    <message>
        <source>By then every installment is paid: nothing is left to settle.</source>
        <translation>到这一天各期均已还清，无需再结清。</translation>
    </message>
    <message>
        <source>Then the loan will be recorded as settled early on {day} with {amount}.</source>
        <translation>随后于 {day}提前结清，结清金额 {amount}。</translation>
    </message>
    <message>
        <source>The loan will be recorded as settled early on {day} with {amount}.</source>
        <translation>将记为于 {day}提前结清，结清金额 {amount}。</translation>
    </message>
    <message>
        <source>The other installment already due will be recorded as overdue (not repaid).</source>
        <translation>其余已到期的 1 期将记为逾期未还。</translation>
    </message>
    <message numerus="yes">
        <source>The other %n installments already due will be recorded as overdue (not repaid).</source>
        <translation>
            <numerusform>其余已到期的 %n 期将记为逾期未还。</numerusform>
        </translation>
    </message>
    <message>
        <source>The installment already due will be recorded as overdue (not repaid).</source>
        <translation>已到期的 1 期将记为逾期未还。</translation>
    </message>
    <message numerus="yes">
        <source>The %n installments already due will be recorded as overdue (not repaid).</source>
        <translation>
            <numerusform>已到期的 %n 期将记为逾期未还。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can log repayments for them at any time.</source>
        <translation>您可以随时登记这几期的还款。</translation>
    </message>
</context>
<context>
    <name>PastQuestion</name>
    <message>
        <source>Installments already due</source>
        <translation>已到期的各期</translation>
    </message>
    <message>
        <source>Repaid on schedule (each on its due date, up to today)</source>
        <translation>已按期还清（每期在到期日还款，截至今天）</translation>
    </message>
    <message>
        <source>Not repaid (they are overdue)</source>
        <translation>未还（记为逾期）</translation>
    </message>
    <message>
        <source>Say it for each loan</source>
        <translation>逐笔选择</translation>
    </message>
    <message>
        <source>Record each installment already due as paid in full on its due date</source>
        <translation>把已到期的每一期都记为在还款日全额还清</translation>
    </message>
    <message>
        <source>Leave them unpaid: they show as overdue until you log their repayments</source>
        <translation>保持未还：在您登记还款之前，它们会显示为逾期</translation>
    </message>
    <message>
        <source>Answer loan by loan in the list that appears below</source>
        <translation>在下方出现的列表中逐笔回答</translation>
    </message>
    <message>
        <source>Loans with installments already due</source>
        <translation>有已到期期数的借款</translation>
    </message>
    <message>
        <source>One loan a row, with the file&apos;s line; choose in its last column what happened to it</source>
        <translation>每行一笔借款，附文件中的行号；在最后一列选择这些期数的情况</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Borrowed on</source>
        <translation>借款日期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>情况</translation>
    </message>
    <message numerus="yes">
        <source>%n loan(s) in the file have installments already due (%1 in all), and the file does not say whether they were repaid. What happened to them?</source>
        <translation>
            <numerusform>文件中有 %n 笔借款存在已到期的分期（共 %1 期），但文件未说明是否已还。这些分期的情况如何？</numerusform>
        </translation>
    </message>
    <message>
        <source>Repaid on schedule</source>
        <translation>已按期还清</translation>
    </message>
    <message numerus="yes">
        <source>Not repaid (%n overdue)</source>
        <translation>
            <numerusform>未还（%n 期逾期）</numerusform>
        </translation>
    </message>
    <message>
        <source>What happened to the installments already due of the loan on line {line}</source>
        <translation>第 {line} 行这笔借款已到期的各期是否已还</translation>
    </message>
</context>
<context>
    <name>PlanBalanceChart</name>
    <message>
        <source>No loan is being repaid: there is nothing to plan.</source>
        <translation>目前没有还款中的借款，无需制定计划。</translation>
    </message>
    <message>
        <source>Principal still owed, month by month</source>
        <translation>每月月底未还本金</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Paste the platform&apos;s plan</source>
        <translation>粘贴平台还款计划</translation>
    </message>
    <message>
        <source>Copy the repayment plan (还款计划) from the {platform} app and paste it here: lines such as “第1期 2026-02-15 本金 ¥967.43 利息 ¥72.00”, or a table with its header row (期数, 还款日, 本金, 利息, 费用, 应还金额). Its figures replace the schedule worked out from the terms.</source>
        <translation>从{platform} App 复制还款计划，粘贴到这里：可以是“第1期 2026-02-15 本金 ¥967.43 利息 ¥72.00”这样的行，也可以是带表头（期数、还款日、本金、利息、费用、应还金额）的表格。粘贴的数字将替换按借款条件算出的还款计划。</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{count} installments, {first} to {last}: interest {interest}, fees {fees}.</source>
        <translation>共 {count} 期，{first} 至 {last}：利息 {interest}，手续费 {fees}。</translation>
    </message>
    <message>
        <source>The plan shows here as it will be saved once it is pasted.</source>
        <translation>粘贴后，这里会显示将要保存的还款计划。</translation>
    </message>
    <message>
        <source>Paste the plan first.</source>
        <translation>请先粘贴还款计划。</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>What if…</source>
        <translation>假如……</translation>
    </message>
    <message>
        <source>Payoff plan</source>
        <translation>还清计划</translation>
    </message>
</context>
<context>
    <name>PlannerPanel</name>
    <message>
        <source>The schedules ask at most {amount} in a month: a budget of that much is always enough.</source>
        <translation>按现有还款计划，单月最多需还 {amount}，每月预算不低于此数即可按时还款。</translation>
    </message>
    <message>
        <source>No loan is being repaid.</source>
        <translation>目前没有还款中的借款。</translation>
    </message>
    <message>
        <source>This budget leaves installments unpaid. Short: {months}</source>
        <translation>这个预算不够按时还清到期的各期。各月缺口：{months}</translation>
    </message>
    <message>
        <source> and {count} more months</source>
        <translation>，另有 {count} 个月</translation>
    </message>
    <message>
        <source>Debt-free in {month}</source>
        <translation>{month} 还清全部借款</translation>
    </message>
    <message>
        <source>Interest and fees: {amount}</source>
        <translation>利息和费用合计：{amount}</translation>
    </message>
    <message>
        <source>Saved against the schedules: {amount}</source>
        <translation>比按原计划还款节省：{amount}</translation>
    </message>
    <message>
        <source>Cleared in this order: {order}</source>
        <translation>还清顺序：{order}</translation>
    </message>
    <message>
        <source>Avalanche: the highest true APR first</source>
        <translation>雪崩法：先还真实年化利率最高的</translation>
    </message>
    <message>
        <source>Snowball: the smallest balance first</source>
        <translation>雪球法：先还余额最小的</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Beyond the schedules</source>
        <translation>提前多还</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>未还本金</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>导出还清计划</translation>
    </message>
    <message>
        <source>How much can you put towards your loans each month, in all? The plan pays every installment as it falls due and puts the rest into repaying one loan early — the one with the highest true APR first (avalanche) or the one with the smallest balance first (snowball). Nothing is saved.</source>
        <translation>您每月总共能拿出多少钱还款？计划会按时还清每一期到期的款项，剩下的钱用来提前还其中一笔借款：先还真实年化最高的（雪崩法），或先还余额最小的（雪球法）。不会保存任何内容。</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>每月还款预算</translation>
    </message>
    <message>
        <source>What you can put towards all your loans each month, in yuan</source>
        <translation>您每月能用来还所有借款的钱，单位为元</translation>
    </message>
    <message>
        <source>Which of the two plans the table below shows</source>
        <translation>下表显示两种还清计划中的哪一种</translation>
    </message>
    <message>
        <source>Save the plan the table shows as a CSV file</source>
        <translation>把下表显示的还清计划保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Month by month:</source>
        <translation>逐月明细：</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>The plan month by month</source>
        <translation>还清计划逐月明细</translation>
    </message>
    <message>
        <source>One month a row: what the plan pays on each loan, and what is still owed</source>
        <translation>每行一个月：还清计划在每笔借款上还多少，以及还欠多少</translation>
    </message>
</context>
<context>
    <name>PlatformsChart</name>
    <message>
        <source>Platforms with a balance</source>
        <translation>有欠款的平台</translation>
    </message>
    <message>
        <source>No loans recorded yet.

Once you add loans, this chart shows on how many platforms you owe money at the same time — owing on several at once is one reason platforms cut credit limits.</source>
        <translation>还没有借款记录。

添加借款后，此图显示您同时在多少个平台有欠款——同时在多个平台有欠款是平台降额的原因之一。</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>平台数</translation>
    </message>
    <message>
        <source>Platforms you owe money to</source>
        <translation>有欠款的平台</translation>
    </message>
    <message>
        <source>At or over the rule&apos;s limit</source>
        <translation>达到或超过预警线</translation>
    </message>
    <message>
        <source>Rule: {count} or more platforms at once</source>
        <translation>预警线：同时在 {count} 个及以上平台有欠款</translation>
    </message>
    <message>
        <source>{day} — platforms with a balance: {count}</source>
        <translation>{day} — 有欠款的平台：{count} 个</translation>
    </message>
    <message>
        <source>at or over the rule&apos;s limit of {count}</source>
        <translation>达到或超过预警线 {count} 个</translation>
    </message>
</context>
<context>
    <name>PlatformsTableModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近变化</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>PlatformsView</name>
    <message>
        <source>No platform matches “{words}”.</source>
        <translation>没有符合“{words}”的平台。</translation>
    </message>
    <message>
        <source>Credit limit now: {limit}</source>
        <translation>当前额度：{limit}</translation>
    </message>
    <message>
        <source>No credit limit recorded yet.</source>
        <translation>还没有记录额度。</translation>
    </message>
    <message>
        <source>Rises: {rises} · cuts: {cuts}</source>
        <translation>提额 {rises} 次 · 降额 {cuts} 次</translation>
    </message>
    <message>
        <source>Record each credit limit as the platform shows it, whenever it changes: a cut is a warning sign, and the health check looks at what you did before it.</source>
        <translation>每当平台显示的额度发生变化，请按平台显示的数值记录下来：降额是一个风险信号，健康检查会分析降额之前您的借还款行为。</translation>
    </message>
    <message>
        <source>Record a credit limit…</source>
        <translation>记录信用额度…</translation>
    </message>
    <message>
        <source>Record the limit the selected platform shows now, or a new platform&apos;s</source>
        <translation>记录所选平台现在显示的额度，或新平台的额度</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Penalty interest:</source>
        <translation>罚息：</translation>
    </message>
    <message>
        <source> × the daily rate</source>
        <translation> 倍日利率</translation>
    </message>
    <message>
        <source>Penalty interest (罚息) on what is overdue, as a multiple of the loan&apos;s daily rate: 1.5 unless the platform&apos;s contract says otherwise. It is estimated beside every overdue amount.</source>
        <translation>逾期部分的罚息按借款日利率的倍数计算：除非平台合同另有约定，一般为 1.5 倍。每笔逾期金额旁都会显示估算的罚息。</translation>
    </message>
    <message>
        <source>Credit limit history</source>
        <translation>额度变化历史</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Correct the chosen record&apos;s day, limit or note</source>
        <translation>更正所选记录的日期、额度或备注</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the chosen record (Ctrl+Z brings it back)</source>
        <translation>删除所选记录（可按 Ctrl+Z 恢复）</translation>
    </message>
    <message>
        <source>Search platforms</source>
        <translation>搜索平台</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Penalty interest</source>
        <translation>罚息</translation>
    </message>
    <message>
        <source>Show only the platforms whose name holds what you type</source>
        <translation>只显示名称中含有您输入内容的平台</translation>
    </message>
    <message>
        <source>Your platforms, one a row, with their limits and loans; select one to see its details beside</source>
        <translation>您的平台，每行一个，附额度和借款；选中一个即可在旁边查看详情</translation>
    </message>
    <message>
        <source>What kind of lender the selected platform is: an internet platform, a bank, a credit card…</source>
        <translation>所选平台属于哪类放贷机构：互联网平台、银行、信用卡……</translation>
    </message>
    <message>
        <source>The selected platform&apos;s limits as recorded; Enter corrects the selected one</source>
        <translation>所选平台已记录的额度；按 Enter 更正选中的那条</translation>
    </message>
    <message>
        <source>No platforms yet. A platform appears when you add a loan from it or record its credit limit.</source>
        <translation>还没有平台。添加一笔借款或记录一个额度后，对应的平台就会出现在这里。</translation>
    </message>
</context>
<context>
    <name>PngExportDialog</name>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>{file} already exists. Replace it?</source>
        <translation>{file} 已存在，要替换吗？</translation>
    </message>
</context>
<context>
    <name>PrepayDialog</name>
    <message>
        <source>Repay part early</source>
        <translation>提前还部分</translation>
    </message>
    <message>
        <source>{platform}, {principal} borrowed {day}: {outstanding} principal left. The interest since the last due date is paid first; the rest comes off the principal.</source>
        <translation>{platform}，{day} 借入 {principal}，未还本金 {outstanding}。提前还款先支付上一个还款日以来的利息，其余部分用于偿还本金。</translation>
    </message>
    <message>
        <source>e.g. 3000</source>
        <translation>例如 3000</translation>
    </message>
    <message>
        <source>Keep the monthly payment and finish sooner</source>
        <translation>月供不变，缩短期限</translation>
    </message>
    <message>
        <source>Keep the term and pay less each month</source>
        <translation>期限不变，减少月供</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>还款后</translation>
    </message>
    <message>
        <source>Enter the amount repaid, above zero, e.g. 3000.</source>
        <translation>请输入还款金额，需大于零，例如 3000。</translation>
    </message>
    <message>
        <source>The new schedule shows here once the day and the amount are filled in.</source>
        <translation>填好日期和金额后，这里会显示新的还款计划。</translation>
    </message>
    <message>
        <source>{interest} interest since the last due date, {principal} off the principal ({left} left). {count} installments to come (were {before}), {payment} a month, the last {last} on {day}. Interest saved: {saved}.</source>
        <translation>先付上一个还款日以来的利息 {interest}，还本金 {principal}（未还本金 {left}）。之后还有 {count} 期（原为 {before} 期），每月 {payment}，最后一期于 {day} 还 {last}。共节省利息 {saved}。</translation>
    </message>
    <message>
        <source>This repays everything left: use Pay off early instead.</source>
        <translation>这笔钱足够还清全部欠款，请改用“提前结清”。</translation>
    </message>
    <message>
        <source>This is no more than the interest accrued since the last due date.</source>
        <translation>这笔金额不超过上一个还款日以来产生的利息，无法用于偿还本金。</translation>
    </message>
    <message>
        <source>An installment due by this day is still open: log it first.</source>
        <translation>这一天之前到期的一期还没还清，请先登记那一期的还款。</translation>
    </message>
    <message>
        <source>A repayment is recorded after this day.</source>
        <translation>这一天之后已有还款记录。</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop: nothing is imported, your data stays as it was</source>
        <translation>停止：不导入任何内容，您的数据保持原样</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <source>Protect with a passphrase</source>
        <translation>用密码保护</translation>
    </message>
    <message>
        <source>{path} is protected with a passphrase. Change it, or remove it to make the file plain again.</source>
        <translation>{path} 已设密码。您可以修改密码，或者取消密码让文件恢复为未加密。</translation>
    </message>
    <message>
        <source>Encrypt {path} with a passphrase: without it, nobody can read your data, not even you. Backups made from now on are encrypted too; exports, reports and calendars are not.</source>
        <translation>用密码加密 {path}：没有密码，任何人（包括您自己）都无法读取您的数据。今后的备份也会加密；导出文件、报告和日历不加密。</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>The passphrase the file has now</source>
        <translation>这个文件现在的密码短语</translation>
    </message>
    <message>
        <source>Remove the passphrase</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <source>Make the data file plain again: anyone who can open the file can read it</source>
        <translation>让数据文件恢复为不加密：任何能打开这个文件的人都能读取其中内容</translation>
    </message>
    <message>
        <source>At least {count} characters; without it nobody can read your data</source>
        <translation>至少 {count} 个字符；没有它，谁也无法读取您的数据</translation>
    </message>
    <message>
        <source>The new passphrase once more, to be sure it is typed as meant</source>
        <translation>再输入一次新的密码短语，确认没有输错</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Remember it in the system keyring</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>Encrypt the data file with the new passphrase, or remove it, as chosen above</source>
        <translation>按上面的选择，用新的密码短语加密数据文件，或去掉密码短语</translation>
    </message>
    <message>
        <source>Leave the data file as it is</source>
        <translation>数据文件保持原样</translation>
    </message>
    <message>
        <source>Enter the current passphrase.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The new passphrase needs at least {count} characters.</source>
        <translation>新密码至少要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>RecoveryChecklistWidget</name>
    <message>
        <source>Recovery checklist</source>
        <translation>额度恢复清单</translation>
    </message>
    <message>
        <source>No limit cut recorded. Record each limit you see to track it.</source>
        <translation>暂无降额记录。每次查看额度时记录下来，即可跟踪变化。</translation>
    </message>
    <message>
        <source>Winning back the {platform} limit: {done} of {total} done</source>
        <translation>恢复{platform}额度：已完成 {done}/{total} 项</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>建议：{advice}</translation>
    </message>
    <message>
        <source>Most serious first: {causes}</source>
        <translation>可能原因（按严重程度排序）：{causes}</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>not a date (e.g. 2024-03-05, 2024/3/5, 2024年3月5日)</source>
        <translation>不是日期（例如 2024-03-05、2024/3/5、2024年3月5日）</translation>
    </message>
    <message>
        <source>not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)</source>
        <translation>不是金额（例如 12000、12,000.50、¥1,234.50）</translation>
    </message>
    <message>
        <source>not an amount of money</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>more than two decimal places (the smallest unit is 0.01 yuan)</source>
        <translation>小数超过两位（最小单位是 0.01 元）</translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能是负数</translation>
    </message>
    <message>
        <source>not a rate (e.g. 9.12%, 0.0912, or daily 0.03%)</source>
        <translation>不是利率（例如 9.12%、0.0912，或日利率 0.03%）</translation>
    </message>
    <message>
        <source>not a rate</source>
        <translation>不是利率</translation>
    </message>
    <message>
        <source>a rate cannot be negative</source>
        <translation>利率不能是负数</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>是将来的日期</translation>
    </message>
    <message>
        <source>not yes or no (是/否, Y/N, true/false, 1/0)</source>
        <translation>不是“是”或“否”（是/否、Y/N、true/false、1/0）</translation>
    </message>
    <message>
        <source>not yes or no (是/否, Y/N, true/false, 1/0), nor a date</source>
        <translation>既不是“是”或“否”（是/否、Y/N、true/false、1/0），也不是日期</translation>
    </message>
    <message>
        <source>not a number of months (e.g. 12, 12期, 12个月)</source>
        <translation>不是期数（例如 12、12期、12个月）</translation>
    </message>
    <message>
        <source>not a whole number (e.g. 3)</source>
        <translation>不是整数（例如 3）</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>name the platform (e.g. 借呗)</source>
        <translation>请写明平台（例如借呗）</translation>
    </message>
    <message>
        <source>not a multiplier (e.g. 1.5, or 150%)</source>
        <translation>不是倍数（例如 1.5 或 150%）</translation>
    </message>
    <message>
        <source>says not resolved, but a resolved date is given</source>
        <translation>标为未解决，但填写了解决日期</translation>
    </message>
    <message>
        <source>only an inquiry (查询记录) has a reason</source>
        <translation>只有查询记录才有查询原因</translation>
    </message>
    <message>
        <source>more cells than the header row has columns (a separator?)</source>
        <translation>这一行的单元格比表头的列数多（分隔符是否有误？）</translation>
    </message>
    <message>
        <source>give the date</source>
        <translation>请填写日期</translation>
    </message>
    <message>
        <source>must be less than the principal</source>
        <translation>必须少于本金</translation>
    </message>
    <message>
        <source>give a fee per installment or a monthly fee rate, not both</source>
        <translation>每期手续费和月手续费率只能填一项</translation>
    </message>
    <message>
        <source>interest-free days need interest by the day</source>
        <translation>有免息天数时，必须按日计息</translation>
    </message>
    <message>
        <source>no loan has this id or number (see `jiebei-tracker loans`)</source>
        <translation>没有这个编号或序号的借款（可用 `jiebei-tracker loans` 查看）</translation>
    </message>
    <message>
        <source>no such loan</source>
        <translation>没有这笔借款</translation>
    </message>
    <message>
        <source>no such repayment</source>
        <translation>没有这笔还款</translation>
    </message>
    <message>
        <source>no such repayment (changed since)</source>
        <translation>没有这笔还款（之后已有改动）</translation>
    </message>
    <message>
        <source>no such credit-report note</source>
        <translation>没有这条征信记录</translation>
    </message>
    <message>
        <source>no such limit record</source>
        <translation>没有这条额度记录</translation>
    </message>
    <message>
        <source>no such import (`imports` lists them)</source>
        <translation>没有这次导入（可用 `imports` 查看）</translation>
    </message>
    <message>
        <source>say what the credit report shows</source>
        <translation>请写明征信报告上的内容</translation>
    </message>
    <message>
        <source>give the platform&apos;s name</source>
        <translation>请填写平台名称</translation>
    </message>
    <message>
        <source>is settled already</source>
        <translation>已经结清</translation>
    </message>
    <message>
        <source>is settled: no installment is left to pay late</source>
        <translation>已经结清，没有可以晚还的分期</translation>
    </message>
    <message>
        <source>a repayment is recorded after this day</source>
        <translation>这一天之后已登记了还款</translation>
    </message>
    <message>
        <source>a repayment with this reference was recorded since</source>
        <translation>之后已登记了带这个编号的还款</translation>
    </message>
    <message>
        <source>the last installment&apos;s principal is what is left</source>
        <translation>最后一期的本金就是剩下的本金，不能单独修改</translation>
    </message>
    <message>
        <source>more than the loan has left</source>
        <translation>超过了这笔借款剩下的本金</translation>
    </message>
    <message>
        <source>the rebuilt schedule does not take the repayments recorded</source>
        <translation>重新生成的还款计划与已登记的还款对不上</translation>
    </message>
    <message>
        <source>its repayments no longer fit the schedule (changed since)</source>
        <translation>它的还款与还款计划已对不上（之后已有改动）</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>is empty: give the annual rate (年化利率) or the daily rate (日利率)</source>
        <translation>为空：请填写年化利率或日利率</translation>
    </message>
    <message>
        <source>the file changed since it was checked; check it again</source>
        <translation>检查之后文件又有改动，请重新检查</translation>
    </message>
    <message>
        <source>already exists; choose a new file name</source>
        <translation>已存在，请换一个文件名</translation>
    </message>
    <message>
        <source>already exists; choose an empty folder, or overwrite</source>
        <translation>已存在，请选一个空文件夹，或选择覆盖</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <source>no such day: there is no month {0}</source>
        <translation>没有这一天：没有 {0} 月（月份为 1～12）</translation>
    </message>
    <message>
        <source>no such day</source>
        <translation>没有这一天</translation>
    </message>
    <message>
        <source>is before {0}</source>
        <translation>早于 {0}</translation>
    </message>
    <message>
        <source>is in the future (today is {0})</source>
        <translation>是将来的日期（今天是 {0}）</translation>
    </message>
    <message>
        <source>must be {0} to {1} months</source>
        <translation>期限必须是 {0} 到 {1} 个月</translation>
    </message>
    <message>
        <source>must be {0} to {1} days</source>
        <translation>必须是 {0} 到 {1} 天</translation>
    </message>
    <message>
        <source>must be 0 to {0} (the loan has {0} installments)</source>
        <translation>必须是 0 到 {0}（这笔借款共 {0} 期）</translation>
    </message>
    <message>
        <source>not one of: {0}</source>
        <translation>不是可选的值之一：{0}</translation>
    </message>
    <message>
        <source>must be 0 to {0} times the daily rate</source>
        <translation>必须是日利率的 0 到 {0} 倍</translation>
    </message>
    <message>
        <source>must be 0 to 10% of the principal a month — did you mean {0}%?</source>
        <translation>月手续费率必须在本金的 0 到 10% 之间。您是不是想写 {0}%？</translation>
    </message>
    <message>
        <source>must be 0 to 10% of the principal a month</source>
        <translation>月手续费率必须在本金的 0 到 10% 之间</translation>
    </message>
    <message>
        <source>must be {0} to {1}</source>
        <translation>必须在 {0} 到 {1} 之间</translation>
    </message>
    <message>
        <source>{0} a year is beyond any real loan — did you mean a percentage, e.g. 0.05%?</source>
        <translation>年化 {0} 超出了任何真实贷款的范围。您是不是想写百分数，例如 0.05%？</translation>
    </message>
    <message>
        <source>{0} a year is beyond any real loan</source>
        <translation>年化 {0} 超出了任何真实贷款的范围</translation>
    </message>
    <message>
        <source>cannot be read as {0} (byte {1}); try another encoding</source>
        <translation>无法按 {0} 读取（字节 {1}），请换一种编码试试</translation>
    </message>
    <message>
        <source>cannot be read as {0} (it is {1}); try another encoding</source>
        <translation>无法按 {0} 读取（它是 {1}），请换一种编码试试</translation>
    </message>
    <message>
        <source>not text in UTF-8, GBK/GB18030 or UTF-16 (byte {0}); if you know the encoding, choose it</source>
        <translation>不是 UTF-8、GBK/GB18030 或 UTF-16 编码的文本（字节 {0}）；如果您知道文件的编码，请选择它</translation>
    </message>
    <message>
        <source>this {0} is in {1} but the file is {2}; save the whole file in one encoding</source>
        <translation>这一行是 {1} 编码，而文件是 {2} 编码；请把整个文件存成同一种编码</translation>
    </message>
    <message>
        <source>cannot be read as {0}</source>
        <translation>无法识别为 {0}</translation>
    </message>
    <message>
        <source>{0} a day is unusual — did you mean an annual rate? Put it in the annual rate column, or write it as {0} a year</source>
        <translation>日利率 {0} 不太常见，是否为年化利率？请填在“年化利率”列，或写成“{0} 年”</translation>
    </message>
    <message>
        <source>{0} a year is unusual — did you mean a daily rate? Put it in the daily rate column, or write it as {0} a day</source>
        <translation>年化利率 {0} 不太常见，是否为日利率？请填在“日利率”列，或写成“{0} 日”</translation>
    </message>
    <message>
        <source>cannot read the file ({0})</source>
        <translation>无法读取文件（{0}）</translation>
    </message>
    <message>
        <source>is before the loan was taken ({0})</source>
        <translation>早于借款日期（{0}）</translation>
    </message>
    <message>
        <source>is after a repayment already recorded on {0}</source>
        <translation>晚于已登记的一笔还款（还款日期 {0}）</translation>
    </message>
    <message>
        <source>more than the {0} left to pay on loan #{1} (use payoff to settle early)</source>
        <translation>超过了借款 #{1} 还需还的 {0}（要提前还清，请用 payoff）</translation>
    </message>
    <message>
        <source>more than is left to pay on loan #{0}</source>
        <translation>超过了借款 #{0} 还需还的金额</translation>
    </message>
    <message>
        <source>would pay {0} more than loan #{1} owes</source>
        <translation>会比借款 #{1} 应还的多出 {0}</translation>
    </message>
    <message>
        <source>is paid on loan #{0} beyond everything its schedule asks for</source>
        <translation>超出了借款 #{0} 还款计划上的全部应还金额</translation>
    </message>
    <message>
        <source>loan #{0} is already settled</source>
        <translation>借款 #{0} 已经结清</translation>
    </message>
    <message>
        <source>already used by loan #{0}</source>
        <translation>已被借款 #{0} 使用</translation>
    </message>
    <message>
        <source>loan #{0} has installments 1 to {1}</source>
        <translation>借款 #{0} 只有第 1 到第 {1} 期</translation>
    </message>
    <message>
        <source>installment {0} (due {1}) is still open: pay it first</source>
        <translation>第 {0} 期（{1} 到期）还没还，请先还这一期</translation>
    </message>
    <message>
        <source>no more than the {0} interest accrued since {1}: nothing would go to the principal</source>
        <translation>不超过 {1} 以来产生的利息 {0}，还不到本金</translation>
    </message>
    <message>
        <source>repays all the {0} principal left: pay the loan off early instead</source>
        <translation>足以还清剩下的全部本金 {0}，请改用提前还清</translation>
    </message>
    <message>
        <source>the repayments already recorded are {0} more than the new schedule asks for; delete some repayments first</source>
        <translation>已登记的还款比新的还款计划多出 {0}，请先删除部分还款</translation>
    </message>
    <message>
        <source>the repayments already recorded on loan #{0} are {1} more than this plan asks for</source>
        <translation>借款 #{0} 已登记的还款比这份还款计划多出 {1}</translation>
    </message>
    <message>
        <source>the principals must add up to the loan&apos;s {0}</source>
        <translation>各期本金相加必须等于借款本金 {0}</translation>
    </message>
    <message>
        <source>a part prepayment (提前还部分): loan #{0}&apos;s schedule was rebuilt around it, so it cannot be edited or deleted on its own. Take it back with Undo (Ctrl+Z) right after making it, or edit the loan&apos;s terms, which builds its schedule again</source>
        <translation>这笔还款属于提前还部分：借款 #{0} 的还款计划已按它重新生成，不能单独修改或删除。可在操作后立即用撤销（Ctrl+Z）撤回，或修改这笔借款的条件，重新生成还款计划</translation>
    </message>
    <message>
        <source>was already undone on {0}</source>
        <translation>已于 {0} 撤销</translation>
    </message>
    <message>
        <source>{0} loans have {1} installments already due, and the file does not say whether they were repaid; nothing was imported. Say so with --past paid (repaid on schedule up to today) or --past unpaid (not repaid: overdue), or add a status (状态) or paid_installments (已还期数) column</source>
        <translation>文件中有 {0} 笔借款共 {1} 期已经到期，但文件没有说明这些分期是否已还，因此没有导入任何内容。请用 --past paid（截至今天都已按期还款）或 --past unpaid（没有还：逾期）说明，或在文件中加上“状态”或“已还期数”列</translation>
    </message>
    <message>
        <source>does not clear the loans in {0} months</source>
        <translation>{0} 个月内还不清这些借款</translation>
    </message>
    <message>
        <source>is used again (first on line {0})</source>
        <translation>重复出现（第一次在第 {0} 行）</translation>
    </message>
    <message>
        <source>no loan matches {0}, borrowed {1}, {2} (import the loans first)</source>
        <translation>找不到 {1} 在{0}借的 {2}（请先导入借款）</translation>
    </message>
    <message>
        <source>no loan has this id (import the loans first)</source>
        <translation>没有这个编号的借款（请先导入借款）</translation>
    </message>
    <message>
        <source>{0} is more than the loan&apos;s {1} installments</source>
        <translation>{0} 超过了这笔借款的总期数 {1}</translation>
    </message>
    <message>
        <source>installment {0} falls due on {1}, after today ({2})</source>
        <translation>第 {0} 期 {1} 才到期，晚于今天（{2}）</translation>
    </message>
    <message>
        <source>no such platform (known: {0})</source>
        <translation>没有这个平台（已记录的平台：{0}）</translation>
    </message>
    <message>
        <source>no column “{annual_rate}” nor “{daily_rate}”</source>
        <translation>缺少“{annual_rate}”或“{daily_rate}”列</translation>
    </message>
    <message>
        <source>no column “{loan_id}”, nor all of “{platform}”, “{borrowed_on}” and “{principal}” to find the loan by (missing: {0})</source>
        <translation>缺少“{loan_id}”列，也没有可用来找到借款的“{platform}”“{borrowed_on}”“{principal}”三列（缺少：{0}）</translation>
    </message>
    <message>
        <source>no column “{0}”</source>
        <translation>缺少“{0}”列</translation>
    </message>
    <message>
        <source>“{value}”: {reason}</source>
        <translation>“{value}”：{reason}</translation>
    </message>
    <message>
        <source>no such day: {month}/{year} has {days} days</source>
        <translation>没有这一天：{year}年{month}月只有 {days} 天</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>{file} line {line}: {reason}</source>
        <translation>{file} 第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{file} line {line}, column “{column}”: {reason}</source>
        <translation>{file} 第 {line} 行，“{column}”列：{reason}</translation>
    </message>
    <message>
        <source>{file}: … and {count} more errors ({total} in all)</source>
        <translation>{file}：……另有 {count} 处错误（共 {total} 处）</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <source>%n repayment(s) overdue</source>
        <translation>
            <numerusform>%n 期还款已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n falling due soon</source>
        <translation>
            <numerusform>%n 期即将到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders: {parts}</source>
        <translation>还款提醒：{parts}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (on the dashboard)</source>
        <translation>
            <numerusform>……另有 %n 条（见总览）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message numerus="yes">
        <source>%n repayment reminder(s)</source>
        <translation>
            <numerusform>%n 条还款提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Jiebei Tracker is still running</source>
        <translation>借呗信用健康助手仍在运行</translation>
    </message>
    <message>
        <source>Repayment reminders keep coming. Quit from the tray icon&apos;s menu.</source>
        <translation>程序会在后台继续运行，按时提醒您还款。如需退出，请右键点击托盘图标，选择“退出”。</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在托盘中继续运行</translation>
    </message>
    <message>
        <source>Open Jiebei Tracker</source>
        <translation>打开借呗信用健康助手</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Jiebei Tracker — repayment reminders</source>
        <translation>借呗信用健康助手 — 还款提醒</translation>
    </message>
</context>
<context>
    <name>RepaymentDialog</name>
    <message>
        <source>Log a repayment</source>
        <translation>登记还款</translation>
    </message>
    <message>
        <source>{platform}, borrowed {day}: {left} left to pay</source>
        <translation>{platform}，{day} 借款：待还 {left}</translation>
    </message>
    <message>
        <source>e.g. paid from my salary card</source>
        <translation>例如：用工资卡还的</translation>
    </message>
    <message>
        <source>Pay off the whole loan now (early payoff)</source>
        <translation>提前结清整笔借款</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>What you paid, in yuan: the next installment in full is filled in; change it for part of one</source>
        <translation>您还了多少元：已填入下一期的全额；只还了一部分时请修改</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <source>Repay everything left now, with the interest up to the day paid; the amount becomes the payoff</source>
        <translation>现在还清剩余的全部欠款，利息算到还款当天；金额会改为提前结清的金额</translation>
    </message>
    <message>
        <source>penalty interest about {penalty}</source>
        <translation>罚息约 {penalty}</translation>
    </message>
    <message>
        <source>The penalty interest is an estimate ({multiplier} × the daily rate on what is overdue, for each day past the due date); late fees are not included.</source>
        <translation>罚息为估算值（按逾期部分、日利率的 {multiplier} 倍、自到期日次日起逐日计算），不含滞纳金。</translation>
    </message>
    <message>
        <source>Pays {amount} of installment {seq}.</source>
        <translation>将还第 {seq} 期中的 {amount}。</translation>
    </message>
    <message>
        <source>installment {seq}</source>
        <translation>第 {seq} 期</translation>
    </message>
    <message>
        <source>installments {first}–{last}</source>
        <translation>第 {first}～{last} 期</translation>
    </message>
    <message>
        <source>Settles {settled}.</source>
        <translation>将还清{settled}。</translation>
    </message>
    <message>
        <source>Settles {settled} and pays {amount} of installment {seq}.</source>
        <translation>将还清{settled}，并还第 {seq} 期中的 {amount}。</translation>
    </message>
    <message>
        <source>Enter the amount paid, above zero, e.g. 1039.43.</source>
        <translation>请输入还款金额（大于 0），例如 1039.43。</translation>
    </message>
    <message>
        <source>More than the {left} left to pay. To settle the loan early, tick “Pay off the whole loan now”.</source>
        <translation>超过了待还金额 {left}。如需提前结清，请勾选“提前结清整笔借款”。</translation>
    </message>
    <message>
        <source>Pay off early</source>
        <translation>提前还清</translation>
    </message>
    <message>
        <source>the installment already due (principal and interest) {due}</source>
        <translation>已到期未还的 1 期（本息）{due}</translation>
    </message>
    <message numerus="yes">
        <source>%n installments already due (principal and interest) {due}</source>
        <translation>
            <numerusform>已到期未还的 %n 期（本息）{due}</numerusform>
        </translation>
    </message>
    <message>
        <source>principal {principal} + interest for {days} days {interest}</source>
        <translation>本金 {principal} + {days} 天利息 {interest}</translation>
    </message>
    <message>
        <source>Proposed: {parts}.</source>
        <translation>预计应还：{parts}。</translation>
    </message>
    <message>
        <source>Change the amount if the platform asked for a different one.</source>
        <translation>如与平台显示的应还金额不同，请以平台为准修改。</translation>
    </message>
    <message>
        <source>{settles} It takes the place of the repayment assumed on {day} (from the schedule or autopay).</source>
        <translation>{settles}这笔还款将取代 {day} 按还款计划或自动扣款记下的还款。</translation>
    </message>
    <message>
        <source>Choose a day between the borrowing date and today.</source>
        <translation>请选择借款日期到今天之间的日期。</translation>
    </message>
    <message>
        <source>This loan is already settled.</source>
        <translation>这笔借款已经结清。</translation>
    </message>
</context>
<context>
    <name>RepaymentEditDialog</name>
    <message>
        <source>Edit repayment</source>
        <translation>修改还款</translation>
    </message>
    <message>
        <source>{platform}, borrowed {day}. Recorded as: {source}.</source>
        <translation>{platform}，{day} 借款。记录来源：{source}。</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <source>Enter the amount paid, above zero, e.g. 1039.43.</source>
        <translation>请输入还款金额（大于 0），例如 1039.43。</translation>
    </message>
    <message>
        <source>{amount} would pay more than this loan owes. Enter the amount actually paid.</source>
        <translation>{amount} 超过了这笔借款的待还金额。请输入实际还款金额。</translation>
    </message>
    <message>
        <source>Choose a day between the borrowing date and today.</source>
        <translation>请选择借款日期到今天之间的日期。</translation>
    </message>
</context>
<context>
    <name>RepaymentsTableModel</name>
    <message>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Early payoff</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>还款</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups are made on the first change of each day, before every import and before a restore, in {folder}. Restoring replaces your data with the backup&apos;s; your data as it is now is backed up first, so a restore can itself be undone by restoring that backup.</source>
        <translation>每天第一次修改数据时、每次导入前和每次恢复前，都会自动备份到 {folder}。恢复会用备份中的数据替换您现在的数据；替换前会先备份现在的数据，所以恢复之后还可以再恢复回来。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Repayments</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>No backups yet. The first is made with the first change you make on a day that has records.</source>
        <translation>还没有备份。有记录之后，您当天第一次修改数据时会自动备份。</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>From a &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>Encrypted with another passphrase</source>
        <translation>已用其他密码加密</translation>
    </message>
    <message>
        <source>Damaged; it cannot be restored</source>
        <translation>已损坏，无法恢复</translation>
    </message>
    <message>
        <source>The day&apos;s first change</source>
        <translation>当天首次修改</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before an upgrade of the app</source>
        <translation>程序升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before a passphrase change</source>
        <translation>修改密码前</translation>
    </message>
    <message>
        <source>Replace your data with the backup from {when}? Its passphrase is asked next.</source>
        <translation>用 {when} 的备份替换您现在的数据吗？接下来会询问这份备份的密码。</translation>
    </message>
    <message>
        <source>Replace your data with the backup from {when} ({loans} loans, {repayments} repayments)?</source>
        <translation>确定用 {when} 的备份（{loans} 笔借款，{repayments} 笔还款）替换您现在的数据吗？</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Databases (*.db);;All files (*)</source>
        <translation>数据库文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace your data with {file}?</source>
        <translation>确定用 {file} 替换您现在的数据吗？</translation>
    </message>
    <message>
        <source>Your data as it is now is backed up first.</source>
        <translation>替换前会先备份您现在的数据。</translation>
    </message>
</context>
<context>
    <name>SampleBanner</name>
    <message>
        <source>&lt;b&gt;You are looking at sample data&lt;/b&gt; — a made-up borrowing history kept in its own file. Try anything: your own data is not touched.</source>
        <translation>&lt;b&gt;您正在查看示例数据&lt;/b&gt;——这是一份虚构的借款记录，保存在单独的文件里。可以随意尝试，您自己的数据不会受影响。</translation>
    </message>
    <message>
        <source>Back to my data</source>
        <translation>返回我的数据</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>No.</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of the window; Follow the system uses your computer&apos;s</source>
        <translation>窗口显示的语言；“跟随系统”即使用您电脑的语言</translation>
    </message>
    <message>
        <source>Grace days</source>
        <translation>宽限天数</translation>
    </message>
    <message>
        <source>A repayment this many days after its due date still counts as on time</source>
        <translation>在还款日之后这么多天内还款，仍算按时还款</translation>
    </message>
    <message>
        <source>Remind me before a due date</source>
        <translation>提前提醒天数</translation>
    </message>
    <message>
        <source>How many days before each due date a reminder comes (and one on the day)</source>
        <translation>在每个还款日之前几天提醒您（还款日当天也会提醒）</translation>
    </message>
    <message>
        <source>Autopay recording</source>
        <translation>自动扣款记账</translation>
    </message>
    <message>
        <source>When an installment on autopay falls due and is not recorded: ask, record it as paid, or nothing</source>
        <translation>自动还款的一期到期但尚未登记时：询问您、直接记为已还，或什么也不做</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留每日备份</translation>
    </message>
    <message>
        <source>Weekly backups kept</source>
        <translation>保留每周备份</translation>
    </message>
    <message>
        <source>Monthly backups kept</source>
        <translation>保留每月备份</translation>
    </message>
    <message>
        <source>Backups before imports kept for</source>
        <translation>导入前的备份保留</translation>
    </message>
    <message>
        <source>For how many days the newest backup of each day is kept</source>
        <translation>每天最新的备份保留多少天</translation>
    </message>
    <message>
        <source>For how many weeks the newest backup of each week is kept</source>
        <translation>每周最新的备份保留多少周</translation>
    </message>
    <message>
        <source>For how many months the newest backup of each month is kept</source>
        <translation>每月最新的备份保留多少个月</translation>
    </message>
    <message>
        <source>For how many days the backup made before an import, upgrade or restore is kept</source>
        <translation>导入、升级或恢复之前所做的备份保留多少天</translation>
    </message>
    <message>
        <source>Grace days: a repayment this many days after its due date still counts as on time, as some platforms allow. Reminders come this many days before each due date, and on the day.</source>
        <translation>宽限天数：到期日后这几天内还款仍算按时（部分平台有宽限期，以平台规定为准）。提前提醒天数：在每个到期日前这几天和到期当天提醒您。</translation>
    </message>
    <message>
        <source>Autopay recording: when an installment of a loan on autopay falls due and is not recorded as paid, ask you whether the platform deducted it, record it as paid right away (you can undo it), or do nothing.</source>
        <translation>自动扣款记账：已开通自动还款的借款有一期到期、但尚未记为已还时，本应用可以每次询问您平台是否已扣款，也可以直接记为已还（可以撤销），或者不做记录。</translation>
    </message>
    <message>
        <source>Backups: a copy of your data is made on the first change of each day, and before every import, upgrade or restore, in the backups folder beside your data file. The newest of each day, week and month is kept for as long as set here; File ▸ Restore from a backup… puts one back.</source>
        <translation>备份：每天第一次修改数据时，以及每次导入、升级或恢复之前，都会在数据文件旁的 backups 文件夹中自动备份。每天、每周、每月最新的一份按这里设置的期限保留；要恢复，请选择“文件 ▸ 从备份恢复…”。</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>default {value}</source>
        <translation>默认 {value}</translation>
    </message>
    <message>
        <source>The health check flags it from this number on (default {value})</source>
        <translation>达到这个数值时，健康检查就会提示（默认 {value}）</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Health rules</source>
        <translation>健康检查规则</translation>
    </message>
    <message>
        <source>Reset rules to defaults</source>
        <translation>恢复默认规则</translation>
    </message>
    <message>
        <source>Save the settings and close this window</source>
        <translation>保存设置并关闭此窗口</translation>
    </message>
    <message>
        <source>Put every health rule back to its default (kept when you press Save)</source>
        <translation>把所有健康规则恢复为默认值（按“保存”后生效）</translation>
    </message>
    <message>
        <source>Borrowing to repay (策略 2(2))</source>
        <translation>以贷养贷（策略 2(2)）</translation>
    </message>
    <message>
        <source>How long things count</source>
        <translation>各项记录的计入时长</translation>
    </message>
    <message>
        <source>Late repayments count for</source>
        <translation>逾期后还清的记录计入时长</translation>
    </message>
    <message>
        <source>Serious while the latest is within</source>
        <translation>最近一次在此期限内视为严重</translation>
    </message>
    <message>
        <source>Short window</source>
        <translation>短统计周期</translation>
    </message>
    <message>
        <source>New loans in the short window</source>
        <translation>短统计周期内新增借款笔数</translation>
    </message>
    <message>
        <source>Long window</source>
        <translation>长统计周期</translation>
    </message>
    <message>
        <source>New loans in the long window</source>
        <translation>长统计周期内新增借款笔数</translation>
    </message>
    <message>
        <source>Platforms owing at once</source>
        <translation>同时有欠款的平台数</translation>
    </message>
    <message>
        <source>Credit inquiries</source>
        <translation>征信查询次数</translation>
    </message>
    <message>
        <source>Inquiries counted within</source>
        <translation>查询记录计入期限</translation>
    </message>
    <message>
        <source>Hard inquiries</source>
        <translation>审批类查询次数</translation>
    </message>
    <message>
        <source>Serious from this share of the limit</source>
        <translation>占额度比例达到此值视为严重</translation>
    </message>
    <message>
        <source>Serious from this amount (no limit known)</source>
        <translation>金额达到此值视为严重（未记录额度时）</translation>
    </message>
    <message>
        <source>Loans moved on</source>
        <translation>转入其他账户的借款笔数</translation>
    </message>
    <message>
        <source>Counted within</source>
        <translation>计入期限</translation>
    </message>
    <message>
        <source>A new loan this close before a due date</source>
        <translation>到期日前几天内借新款</translation>
    </message>
    <message>
        <source>A repaid loan&apos;s use counts for</source>
        <translation>已还清借款的用途计入时长</translation>
    </message>
    <message>
        <source>A limit cut looks back over</source>
        <translation>降额诊断回看时长</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>The health check flags a habit once it reaches these numbers. The defaults follow the article on why 借呗 limits are cut; change them if your platforms are stricter or milder.</source>
        <translation>当某项借还款习惯达到下列数值时，健康检查会给出提示。默认值参考了分析借呗降额原因的文章；如果您使用的平台更严格或更宽松，可以自行调整。</translation>
    </message>
    <message>
        <source>Late repayments (cause 1, 4)</source>
        <translation>逾期后还清（原因 1、4）</translation>
    </message>
    <message>
        <source>Borrowing too often (cause 1, strategy 2(2))</source>
        <translation>借款过于频繁（原因 1、策略 2(2)）</translation>
    </message>
    <message>
        <source>Credit on many platforms (cause 1, strategy 1(2))</source>
        <translation>多头借贷（原因 1、策略 1(2)）</translation>
    </message>
    <message>
        <source>Too many credit applications (cause 1)</source>
        <translation>征信查询过多（原因 1）</translation>
    </message>
    <message>
        <source>Risky use of the money (cause 2, strategy 2(1))</source>
        <translation>借款用于高风险投资（原因 2、策略 2(1)）</translation>
    </message>
    <message>
        <source>Money moved on to other accounts (cause 2)</source>
        <translation>借款转入其他账户（原因 2）</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Cannot be longer than the period late repayments count for.</source>
        <translation>不能长于逾期后还清记录的计入时长。</translation>
    </message>
    <message>
        <source>Out of range: {reason}</source>
        <translation>超出范围：{reason}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Take this back (Ctrl+Z)</source>
        <translation>撤销这一步（Ctrl+Z）</translation>
    </message>
</context>
<context>
    <name>UpcomingDuesWidget</name>
    <message numerus="yes">
        <source>Due in the next %n day(s)</source>
        <translation>
            <numerusform>未来 %n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>记为已还</translation>
    </message>
    <message numerus="yes">
        <source>Nothing falls due in the next %n day(s).</source>
        <translation>
            <numerusform>未来 %n 天内没有到期的还款。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Jiebei Tracker</source>
        <translation>欢迎使用借呗信用健康助手</translation>
    </message>
    <message>
        <source>Record each loan you have — 借呗, 微粒贷, 京东金条, bank loans, credit cards — and the app builds its repayment schedule, tracks what you have paid, shows what is due, and warns you about the habits that get credit limits cut.</source>
        <translation>记录您的每一笔借款——借呗、微粒贷、京东金条、银行贷款、信用卡——本应用会生成还款计划，跟踪已还金额，提示即将到期的还款，并提醒您注意那些会导致降额的习惯。</translation>
    </message>
    <message>
        <source>Add your first loan…</source>
        <translation>添加第一笔借款…</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>导入 CSV 文件…</translation>
    </message>
    <message>
        <source>Look around with sample data</source>
        <translation>先用示例数据看看</translation>
    </message>
    <message>
        <source>Everything stays in one file on this computer, readable only by you. The sample data lives in a separate file and never mixes with yours.</source>
        <translation>所有数据都保存在这台电脑上的一个文件里，只有您能读取。示例数据保存在单独的文件中，绝不会与您的数据混在一起。</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>Type the amount and the rate to see what the loan would do.</source>
        <translation>填写金额和利率，即可看到这笔借款的影响。</translation>
    </message>
    <message>
        <source>No loan is being repaid: there is nothing to pay off or pay late.</source>
        <translation>目前没有还款中的借款，无法模拟提前结清或逾期还款。</translation>
    </message>
    <message>
        <source>Type how much you would repay early.</source>
        <translation>请填写打算提前还款的金额。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Borrowed on</source>
        <translation>借款日期</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>If you did this, these warning signs would show:</source>
        <translation>如果这样做，会出现以下风险信号：</translation>
    </message>
    <message>
        <source>No new warning sign would show.</source>
        <translation>不会出现新的风险信号。</translation>
    </message>
    <message>
        <source>These would go away: {titles}</source>
        <translation>以下风险信号会消失：{titles}</translation>
    </message>
    <message>
        <source>Worked out as of {day}; nothing is saved.</source>
        <translation>按 {day} 的情况推算，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Health: {before} → {after}</source>
        <translation>健康状况：{before} → {after}</translation>
    </message>
    <message>
        <source>True annual cost (APR): {apr}</source>
        <translation>真实年化利率：{apr}</translation>
    </message>
    <message>
        <source>Owed on {platform}: {before} → {after} (no limit recorded)</source>
        <translation>{platform}的未还本金：{before} → {after}（未记录额度）</translation>
    </message>
    <message>
        <source>Owed on {platform}: {before} → {after} of a {limit} limit</source>
        <translation>{platform}的未还本金：{before} → {after}（额度 {limit}）</translation>
    </message>
    <message>
        <source>That is more than the limit: the platform would not lend it.</source>
        <translation>超过了额度，平台不会借出这么多。</translation>
    </message>
    <message>
        <source>Interest and fees saved: {saved}; installments fewer: {count}</source>
        <translation>节省利息和费用：{saved}；减少期数：{count}</translation>
    </message>
    <message>
        <source>Paid on {day}, it would count as a late repayment until {until}, and weigh most until {high}.</source>
        <translation>如果在 {day} 才还清，这一期在 {until} 之前都会计为“逾期后还清”的记录，{high} 之前影响最大。</translation>
    </message>
    <message>
        <source>Amount (optional)</source>
        <translation>金额（选填）</translation>
    </message>
    <message>
        <source>what the platform asks; empty: the proposed amount</source>
        <translation>平台要求的金额；不填则按估算金额</translation>
    </message>
    <message>
        <source>Amount repaid early</source>
        <translation>提前还款金额</translation>
    </message>
    <message>
        <source>amount in yuan, e.g. 3000</source>
        <translation>金额（元），例如 3000</translation>
    </message>
    <message>
        <source>Borrow a new loan</source>
        <translation>新增一笔借款</translation>
    </message>
    <message>
        <source>Pay a loan off early</source>
        <translation>提前结清一笔借款</translation>
    </message>
    <message>
        <source>Repay part of a loan early</source>
        <translation>提前还部分借款</translation>
    </message>
    <message>
        <source>Pay an installment late</source>
        <translation>某一期逾期后才还</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>设想的情况</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>What to try: the page shows what it would do to your credit health (nothing is saved)</source>
        <translation>要试算的变化：页面会显示它对您信用健康的影响（不会保存任何内容）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Interest counted</source>
        <translation>计息方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>The platform you would borrow from: choose one, or type a name</source>
        <translation>打算借款的平台：选择一个，或输入名称</translation>
    </message>
    <message>
        <source>How many monthly installments the loan would be repaid in</source>
        <translation>这笔借款打算分几期按月还清</translation>
    </message>
    <message>
        <source>How the lender would split the repayments into installments</source>
        <translation>放贷机构会如何把还款分到各期</translation>
    </message>
    <message>
        <source>Whether the rate is quoted a year (年化) or a day (日利率)</source>
        <translation>利率是年化还是日利率</translation>
    </message>
    <message>
        <source>By the month, or by the actual days between due dates</source>
        <translation>按月计息，或按两个还款日之间的实际天数计息</translation>
    </message>
    <message>
        <source>What the money would be for</source>
        <translation>这笔钱打算用来做什么</translation>
    </message>
    <message>
        <source>The loan of yours the change is about</source>
        <translation>这项变化涉及您的哪一笔借款</translation>
    </message>
    <message>
        <source>After repaying part early: the same payment and fewer months, or the same months</source>
        <translation>提前还一部分之后：每期金额不变、期数减少，或期数不变</translation>
    </message>
    <message>
        <source>How many days after its due date the installment would be paid</source>
        <translation>这一期会在还款日之后几天才还</translation>
    </message>
    <message>
        <source>e.g. 借呗, 微粒贷, 京东金条</source>
        <translation>例如：借呗、微粒贷、京东金条</translation>
    </message>
    <message>
        <source>amount in yuan, e.g. 20000</source>
        <translation>金额（元），例如 20000</translation>
    </message>
    <message>
        <source>Record this loan…</source>
        <translation>记录这笔借款…</translation>
    </message>
    <message>
        <source>Open the new loan form with these values</source>
        <translation>用这些信息填写新建借款表单</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Annual rate (年化)</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Daily rate (日利率)</source>
        <translation>日利率</translation>
    </message>
    <message>
        <source>Keep the payment: fewer installments</source>
        <translation>月供不变，缩短期限</translation>
    </message>
    <message>
        <source>Keep the term: smaller installments</source>
        <translation>期限不变，减少月供</translation>
    </message>
    <message>
        <source>e.g. 14.4% a year, or 0.04% a day</source>
        <translation>例如年化 14.4%，或日利率 0.04%</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>还款后</translation>
    </message>
    <message>
        <source>Credit health score, now → with the change</source>
        <translation>健康分：现在 → 这样做之后</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New loan…</source>
        <translation>新建借款(&amp;N)…</translation>
    </message>
    <message>
        <source>Record a loan and build its schedule (Ctrl+N)</source>
        <translation>记录一笔借款并生成还款计划（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Log repayment…</source>
        <translation>登记还款(&amp;L)…</translation>
    </message>
    <message>
        <source>Log a repayment on the selected loan: paid today, in full (Ctrl+R)</source>
        <translation>为选中的借款登记还款：默认今天全额还款（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import loans, repayments, limits or notes from a CSV file (Ctrl+I)</source>
        <translation>从 CSV 文件导入借款、还款、额度或征信记录（Ctrl+I）</translation>
    </message>
    <message>
        <source>Undo &amp;import…</source>
        <translation>撤销导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print health report…</source>
        <translation>打印健康报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the health report, or save it as PDF</source>
        <translation>打印健康报告，或另存为 PDF</translation>
    </message>
    <message>
        <source>Write all your records to four CSV files in a folder</source>
        <translation>将您的全部记录导出为文件夹中的四个 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Save a checked copy of your data file</source>
        <translation>保存一份经过校验的数据文件副本</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace your data with a backup (your data as it is now is backed up first)</source>
        <translation>用备份替换您的数据（替换前会先备份现在的数据）</translation>
    </message>
    <message>
        <source>Pro&amp;tect with a passphrase…</source>
        <translation>用密码保护(&amp;T)…</translation>
    </message>
    <message>
        <source>Set, change or remove the passphrase that encrypts your data file</source>
        <translation>设置、修改或取消加密数据文件的密码</translation>
    </message>
    <message>
        <source>&amp;Open loan</source>
        <translation>查看借款(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete loan…</source>
        <translation>删除借款(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Find loans</source>
        <translation>查找借款(&amp;F)</translation>
    </message>
    <message>
        <source>Back to m&amp;y data</source>
        <translation>返回我的数据(&amp;Y)</translation>
    </message>
    <message>
        <source>Look around with sa&amp;mple data</source>
        <translation>查看示例数据(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Language, grace days, reminders, backups and the health rules (Ctrl+,)</source>
        <translation>语言、宽限天数、提醒、备份和健康规则（Ctrl+逗号）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Jiebei Tracker</source>
        <translation>关于借呗信用健康助手(&amp;A)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销{what}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做{what}(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Take back the last change: {what} (Ctrl+Z)</source>
        <translation>撤销上一次更改：{what}（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Take back the last change (Ctrl+Z)</source>
        <translation>撤销上一次更改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Platforms &amp; limits</source>
        <translation>平台与额度</translation>
    </message>
    <message>
        <source>Credit report notes</source>
        <translation>征信记录</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
</context>
<context>
    <name>_ChartGrid</name>
    <message>
        <source>The health score could not be worked out:
{error}</source>
        <translation>无法计算健康分：
{error}</translation>
    </message>
    <message>
        <source>Working out the health score for each month… {done} of {total} months done.</source>
        <translation>正在计算每月健康分……已完成 {done}/{total} 个月。</translation>
    </message>
</context>
</TS>
