<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DuesTableModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message numerus="yes">
        <source>%n loan(s)</source>
        <translation>
            <numerusform>%n loan</numerusform>
            <numerusform>%n loans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repayment(s)</source>
        <translation>
            <numerusform>%n repayment</numerusform>
            <numerusform>%n repayments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit limit(s)</source>
        <translation>
            <numerusform>%n credit limit</numerusform>
            <numerusform>%n credit limits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit-report note(s)</source>
        <translation>
            <numerusform>%n credit-report note</numerusform>
            <numerusform>%n credit-report notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n platform(s)</source>
        <translation>
            <numerusform>%n platform</numerusform>
            <numerusform>%n platforms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PastInstallmentsBox</name>
    <message numerus="yes">
        <source>%n installments will be recorded as paid on their due dates, {amount}.</source>
        <translation>
            <numerusform>%n installment will be recorded as paid on its due date, {amount}.</numerusform>
            <numerusform>%n installments will be recorded as paid on their due dates, {amount}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %n installments already due will be recorded as overdue (not repaid).</source>
        <translation>
            <numerusform>The other installment already due will be recorded as overdue (not repaid).</numerusform>
            <numerusform>The other %n installments already due will be recorded as overdue (not repaid).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n installments already due will be recorded as overdue (not repaid).</source>
        <translation>
            <numerusform>The installment already due will be recorded as overdue (not repaid).</numerusform>
            <numerusform>The %n installments already due will be recorded as overdue (not repaid).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PastQuestion</name>
    <message numerus="yes">
        <source>%n loan(s) in the file have installments already due (%1 in all), and the file does not say whether they were repaid. What happened to them?</source>
        <translation>
            <numerusform>%n loan in the file has installments already due (%1 in all), and the file does not say whether they were repaid. What happened to them?</numerusform>
            <numerusform>%n loans in the file have installments already due (%1 in all), and the file does not say whether they were repaid. What happened to them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not repaid (%n overdue)</source>
        <translation>
            <numerusform>Not repaid (%n overdue)</numerusform>
            <numerusform>Not repaid (%n overdue)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <source>%n repayment(s) overdue</source>
        <translation>
            <numerusform>%n repayment overdue</numerusform>
            <numerusform>%n repayments overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n falling due soon</source>
        <translation>
            <numerusform>%n falling due soon</numerusform>
            <numerusform>%n falling due soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (on the dashboard)</source>
        <translation>
            <numerusform>… and %n more (on the dashboard)</numerusform>
            <numerusform>… and %n more (on the dashboard)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message numerus="yes">
        <source>%n repayment reminder(s)</source>
        <translation>
            <numerusform>%n repayment reminder</numerusform>
            <numerusform>%n repayment reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepaymentDialog</name>
    <message numerus="yes">
        <source>%n installments already due (principal and interest) {due}</source>
        <translation>
            <numerusform>%n installment already due (principal and interest) {due}</numerusform>
            <numerusform>%n installments already due (principal and interest) {due}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingDuesWidget</name>
    <message numerus="yes">
        <source>Due in the next %n day(s)</source>
        <translation>
            <numerusform>Due in the next %n day</numerusform>
            <numerusform>Due in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing falls due in the next %n day(s).</source>
        <translation>
            <numerusform>Nothing falls due in the next %n day.</numerusform>
            <numerusform>Nothing falls due in the next %n days.</numerusform>
        </translation>
    </message>
</context>
</TS>
