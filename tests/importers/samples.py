"""Sample files for the importer tests, built in code: CSV text of each kind, and an Alipay statement made to the
layout of the real export (GBK, notes block, padded cells, order numbers ending in a tab, trailing commas)."""

from __future__ import annotations

LOANS_HEADER = "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,用途,自动扣款,备注"
LOANS_ROWS = (
    "JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,日常消费,是,",
    "WL-1,微粒贷,2024/5/1,5000,6,先息后本,0.072,经营周转,否,",
)


def loans_csv(*rows: str, header: str = LOANS_HEADER) -> str:
    return "\n".join((header, *(rows or LOANS_ROWS))) + "\n"


_NOTES_BLOCK = [
    "-" * 84,
    "导出信息：",
    "姓名：张三",
    "支付宝账户：zhang***@example.com",
    "起始时间：[2024-01-01 00:00:00]    终止时间：[2024-06-30 23:59:59]",
    "导出交易类型：[全部]",
    "导出时间：[2024-07-01 09:12:52]",
    "共6笔记录",
    "收入：1笔 12000.00元",
    "支出：3笔 2149.18元",
    "不计收支：2笔 1049.08元",
    "",
    "特别提示：",
    *(f"{n}.本回单内容仅供个人对账使用，第{n}条提示；" for n in range(1, 10)),
    "",
    "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------",
]
ALIPAY_COLUMNS = (
    "交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额", "收/付款方式", "交易状态",
    "交易订单号", "商家订单号", "备注",
)  # fmt: skip
# (time, category, counterparty, description, direction, amount, status, order number)
ALIPAY_ROWS = (
    ("2024-03-05 10:00:00", "信用借还", "借呗", "借呗借款-放款到余额宝", "不计收支", "12000.00", "交易成功",
     "20240305001"),
    ("2024-03-08 12:30:00", "餐饮美食", "某某小馆", "午餐", "支出", "38.50", "交易成功", "20240308002"),
    ("2024-04-05 09:00:00", "信用借还", "借呗", "借呗还款-第1期", "支出", "1050.09", "交易成功", "20240405003"),
    ("2024-04-10 20:00:00", "日用百货", "超市", "日用品", "支出", "60.00", "交易关闭", "20240410004"),
    ("2024-05-05 09:00:00", "信用借还", "借呗", "借呗还款-第2期", "支出", "1050.09", "交易成功", "20240505005"),
    ("2024-05-20 09:00:00", "信用借还", "花呗", "花呗还款", "不计收支", "300.00", "交易关闭", "20240520006"),
)  # fmt: skip
_WIDTH = 20


def _pad(cell: str) -> str:
    return cell + " " * max(1, _WIDTH - len(cell))


def alipay_lines(rows=ALIPAY_ROWS, *, columns=ALIPAY_COLUMNS) -> list[str]:
    lines = list(_NOTES_BLOCK)
    lines.append(",".join(_pad(name) for name in columns) + ",")
    for time, category, counterparty, description, direction, amount, status, order_no in rows:
        values = {
            "交易时间": time,
            "交易分类": category,
            "交易对方": counterparty,
            "对方账号": "/",
            "商品说明": description,
            "收/支": direction,
            "金额": amount,
            "收/付款方式": "余额宝",
            "交易状态": status,
            "交易订单号": order_no + "\t",
            "商家订单号": "",
            "备注": "",
        }
        lines.append(",".join(_pad(values[name]) for name in columns) + ",")
    lines.append("-" * 84)
    return lines


def alipay_bytes(rows=ALIPAY_ROWS, *, columns=ALIPAY_COLUMNS) -> bytes:
    """The statement as Alipay sends it: GBK, CRLF line ends."""
    return "\r\n".join(alipay_lines(rows, columns=columns)).encode("gbk") + b"\r\n"


# The line the header row is on, as a text editor counts.
ALIPAY_HEADER_LINE = len(_NOTES_BLOCK) + 1
OLD_ALIPAY_COLUMNS = (
    "收/支", "交易对方", "对方账号", "商品说明", "收/付款方式", "金额", "交易状态", "交易分类", "交易订单号",
    "商家订单号", "交易时间",
)  # fmt: skip
