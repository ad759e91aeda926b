"""The shared vocabulary (docs/health-rules.md): methods, purposes, platform kinds, note kinds, in zh_CN and English.

The ids are what the database, the CSV files and the CLI use; the labels are what people read. Parsing
accepts the id, the Chinese label, the English label and the words people commonly write for a term (the synonyms
tables below: 装修 is daily spending, 学费 education); ``nearest`` reads a word that only comes close (随借随还 is
read as interest first, 装修房子 as daily spending), for the importer, which says so.
"""

from __future__ import annotations

import re
from enum import StrEnum

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text

LANGUAGES = ("zh_CN", "en")


class _Labelled(StrEnum):
    """A vocabulary term: ``label("zh_CN")`` / ``label("en")`` give the human names."""

    @classmethod
    def _labels(cls) -> dict[str, tuple[str, str]]:
        raise NotImplementedError

    @classmethod
    def _synonyms(cls) -> dict[str, str]:
        """Words that mean the term exactly: read silently, everywhere a term is parsed."""
        return {}

    @classmethod
    def _approximations(cls) -> dict[str, str]:
        """Words read as the closest term, which is not quite what they say (随借随还 → 先息后本): ``nearest`` only."""
        return {}

    def label(self, language: str = "en") -> str:
        zh, en = self._labels()[self.value]
        return zh if language.startswith("zh") else en

    @classmethod
    def parse(cls, text: str, *, field: str):
        """The term whose id, label or synonym is ``text`` (case-insensitive, spaces ignored)."""
        key = _key(text)
        for term in cls:
            zh, en = cls._labels()[term.value]
            if key in {term.value, zh.lower(), _key(en)}:
                return term
        synonym = cls._synonyms().get(key)
        if synonym is not None:
            return cls(synonym)
        choices = ", ".join(f"{t.value} ({t.label('zh_CN')})" for t in cls)
        raise InvalidValue(field, text, f"not one of: {choices}")

    @classmethod
    def nearest(cls, text: str):
        """The term ``text`` comes closest to when ``parse`` refuses it: an approximation (随借随还), or the one term
        whose Chinese names it contains (装修房子 → daily; where one name holds another, the longer counts). None
        when there is none, or when the names it contains belong to different terms (经营贷还款)."""
        key = _key(text)
        approximation = cls._approximations().get(key)
        if approximation is not None:
            return cls(approximation)
        names = {zh.lower(): term for term, (zh, _) in cls._labels().items()}
        names.update(cls._synonyms())
        names.update(cls._approximations())
        hits = [name for name, term in names.items() if name in key and _CJK.search(name) and term != "other"]
        longest = {names[name] for name in hits if not any(name != other and name in other for other in hits)}
        return cls(longest.pop()) if len(longest) == 1 else None


_CJK = re.compile("[\u4e00-\u9fff]")


def _key(text: str) -> str:
    """A term as compared: half-width, lower case, no spaces, ``-`` as ``_``, Chinese brackets and comma as ASCII."""
    return normalize_text(text).translate(_KEY_PUNCTUATION).lower().replace(" ", "").replace("-", "_")


_KEY_PUNCTUATION = str.maketrans({"（": "(", "）": ")", "、": ",", "，": ","})


class RepaymentMethod(_Labelled):
    EQUAL_INSTALLMENT = "equal_installment"
    EQUAL_PRINCIPAL = "equal_principal"
    INTEREST_FIRST = "interest_first"
    BULLET = "bullet"

    @classmethod
    def _labels(cls):
        return {
            "equal_installment": ("等额本息", "Equal installments"),
            "equal_principal": ("等额本金", "Equal principal"),
            "interest_first": ("先息后本", "Interest first"),
            "bullet": ("到期还本付息", "Principal and interest at maturity"),
        }

    @classmethod
    def _synonyms(cls):
        return {
            "一次性还本付息": "bullet",
            "到期一次还本付息": "bullet",
            "到期还本": "bullet",
            "按月付息到期还本": "interest_first",
            "按月付息,到期还本": "interest_first",
            "每月等额": "equal_installment",
        }

    @classmethod
    def _approximations(cls):
        # Pay any time, interest by the day (借呗, 微粒贷, 金条): the closest schedule is interest first, with the
        # early repayments logged as they happen.
        return {"随借随还": "interest_first", "按日计息": "interest_first", "随借随还,按日计息": "interest_first"}


class InterestBasis(_Labelled):
    """How a loan's interest is counted: a month's interest as annual ÷ 12 of the balance (banks' 按月计息), or the
    actual days between due dates at the daily rate (internet lenders' 按日计息)."""

    MONTHLY = "monthly"
    DAILY = "daily"

    @classmethod
    def _labels(cls):
        return {"monthly": ("按月计息", "Monthly"), "daily": ("按日计息", "By the day")}

    @classmethod
    def _synonyms(cls):
        return {"按月": "monthly", "按日": "daily", "month": "monthly", "day": "daily"}


class ScheduleSource(_Labelled):
    """Where a loan's schedule comes from: built from its terms, changed by a part prepayment, or the platform's own
    repayment plan (还款计划) as the user copied it."""

    COMPUTED = "computed"
    PREPAYMENT = "prepayment"
    PLATFORM = "platform"

    @classmethod
    def _labels(cls):
        return {
            "computed": ("按借款条件计算", "Worked out from the terms"),
            "prepayment": ("提前还部分后重排", "Rebuilt after a part prepayment"),
            "platform": ("与平台还款计划一致", "As the platform shows it"),
        }


class LoanPurpose(_Labelled):
    DAILY = "daily"
    BUSINESS = "business"
    EDUCATION = "education"
    MEDICAL = "medical"
    INVESTMENT = "investment"
    TRANSFER = "transfer"
    REPAY_OTHER_LOAN = "repay_other_loan"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "daily": ("日常消费", "Daily spending"),
            "business": ("经营周转", "Business cash flow"),
            "education": ("教育", "Education"),
            "medical": ("医疗", "Medical"),
            "investment": ("投资理财", "Investment (stocks, futures…)"),
            "transfer": ("转账到其他账户", "Moved to another account"),
            "repay_other_loan": ("还其他贷款", "Repaying another loan"),
            "other": ("其他", "Other"),
        }

    @classmethod
    def _synonyms(cls):
        # What people write in a 用途 column. One table for the editor, the CLI and the importer; ``nearest`` also
        # finds these words inside longer ones (装修房子, 孩子学费, 转给朋友).
        words = {
            "daily": (
                "消费", "日常", "日常开销", "生活", "生活费", "家用", "购物", "网购", "买东西", "装修", "家装",
                "买家电", "家电", "电器", "家具", "买手机", "数码", "旅游", "旅行", "婚庆", "结婚", "婚礼",
                "租房", "房租", "买车", "购车", "shopping", "travel", "renovation", "wedding", "consumption",
            ),
            "business": (
                "经营", "经营贷", "进货", "周转", "资金周转", "生意", "做生意", "开店", "创业", "business",
            ),
            "education": ("学费", "培训", "培训费", "上学", "留学", "读书", "tuition", "training", "school"),
            "medical": ("看病", "医药费", "治病", "住院", "手术", "就医", "医院", "hospital"),
            "investment": (
                "投资", "理财", "炒股", "股票", "基金", "期货", "外汇", "炒币", "虚拟币", "虚拟货币", "数字货币",
                "投资理财(股票/期货等)", "investment", "stocks", "shares", "funds", "futures", "crypto",
            ),
            "transfer": ("转账", "转出", "转给", "转借", "借给", "借给别人", "借给朋友", "借给亲戚"),
            "repay_other_loan": (
                "还款", "还贷", "还贷款", "还信用卡", "还网贷", "还花呗", "还借呗", "以贷养贷", "借新还旧", "refinance",
            ),
        }  # fmt: skip
        return {word: term for term, names in words.items() for word in names}


class PlatformKind(_Labelled):
    INTERNET = "internet"
    BANK = "bank"
    CREDIT_CARD = "credit_card"
    CONSUMER_FINANCE = "consumer_finance"
    MICROFINANCE = "microfinance"
    PRIVATE = "private"

    @classmethod
    def _labels(cls):
        return {
            "internet": ("互联网平台", "Internet platform"),
            "bank": ("银行", "Bank"),
            "credit_card": ("信用卡", "Credit card"),
            "consumer_finance": ("消费金融公司", "Consumer finance company"),
            "microfinance": ("小额贷款公司", "Microfinance company"),
            "private": ("民间借贷", "Private lending"),
        }

    @classmethod
    def _synonyms(cls):
        return {"互联网": "internet", "网贷": "internet", "小贷": "microfinance", "消费金融": "consumer_finance"}


class NoteKind(_Labelled):
    INQUIRY = "inquiry"
    OVERDUE_RECORD = "overdue_record"
    GUARANTEE = "guarantee"
    BAD_DEBT = "bad_debt"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "inquiry": ("查询记录", "Inquiry"),
            "overdue_record": ("逾期记录", "Overdue record"),
            "guarantee": ("担保记录", "Guarantee"),
            "bad_debt": ("不良记录", "Bad debt"),
            "other": ("其他", "Other"),
        }

    @classmethod
    def _synonyms(cls):
        return {"查询": "inquiry", "逾期": "overdue_record", "担保": "guarantee", "不良": "bad_debt"}


class InquiryReason(_Labelled):
    """Why an institution looked at the credit report (查询原因), as the report (个人信用报告) words it. Lenders
    weigh the *hard* ones — loan and card applications and guarantee checks — over the last months; checks by
    lenders the borrower already has (贷后管理) and the borrower's own look (本人查询) say nothing about new
    borrowing."""

    LOAN_APPROVAL = "loan_approval"
    CARD_APPROVAL = "card_approval"
    GUARANTEE_CHECK = "guarantee_check"
    POST_LOAN = "post_loan"
    SELF = "self"
    INSURANCE_CHECK = "insurance_check"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "loan_approval": ("贷款审批", "Loan approval"),
            "card_approval": ("信用卡审批", "Credit card approval"),
            "guarantee_check": ("担保资格审查", "Guarantee check"),
            "post_loan": ("贷后管理", "Post-loan management"),
            "self": ("本人查询", "Own inquiry"),
            "insurance_check": ("保前审查", "Insurance check"),
            "other": ("其他", "Other"),
        }

    @classmethod
    def _synonyms(cls):
        return {
            "贷款审查": "loan_approval",
            "融资审批": "loan_approval",
            "信用卡审查": "card_approval",
            "担保审查": "guarantee_check",
            "资信审查": "guarantee_check",
            "贷后管理查询": "post_loan",
            "本人查询(互联网个人信用信息服务平台)": "self",  # written as compared: ASCII brackets
            "本人查询(临柜)": "self",
            "本人查询(自助查询机)": "self",
            "保前审查查询": "insurance_check",
        }

    @property
    def is_hard(self) -> bool:
        """Whether lenders count it as an application for credit (a hard inquiry)."""
        return self in (InquiryReason.LOAN_APPROVAL, InquiryReason.CARD_APPROVAL, InquiryReason.GUARANTEE_CHECK)

    @classmethod
    def named_in(cls, text: str) -> InquiryReason:
        """The reason a note's text names (its Chinese name: 贷款审批, 贷后管理, …), else OTHER. Where several are
        named, the first in the text counts."""
        found = [(text.find(name), term) for term in cls if term is not cls.OTHER for name in _names(term)]
        found = [(at, term) for at, term in found if at >= 0]
        return min(found, key=lambda pair: (pair[0], -len(pair[1].label("zh_CN"))))[1] if found else cls.OTHER


def _names(term: InquiryReason) -> list[str]:
    names = [term.label("zh_CN")]
    names += [word for word, value in InquiryReason._synonyms().items() if value == term.value]
    return names


class InstallmentStatus(_Labelled):
    """Where an installment stands as of a date (docs/money.md, "Paying")."""

    ON_TIME = "on_time"
    SETTLED_EARLY = "settled_early"
    LATE = "late"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"

    @classmethod
    def _labels(cls):
        return {
            "on_time": ("按时还清", "Paid on time"),
            "settled_early": ("提前结清", "Settled early"),
            "late": ("逾期后还清", "Paid late"),
            "overdue": ("逾期未还", "Overdue"),
            "upcoming": ("待还", "Upcoming"),
        }

    @property
    def is_on_time(self) -> bool:
        """Counts as repaid on time for the on-time rate and the rules: an installment settled early by a payoff
        was never late."""
        return self in (InstallmentStatus.ON_TIME, InstallmentStatus.SETTLED_EARLY)


class LoanStatus(_Labelled):
    """A loan as a whole, as of a date."""

    ACTIVE = "active"
    OVERDUE = "overdue"
    SETTLED = "settled"

    @classmethod
    def _labels(cls):
        return {
            "active": ("还款中", "Active"),
            "overdue": ("有逾期", "Overdue"),
            "settled": ("已结清", "Settled"),
        }

    @classmethod
    def _synonyms(cls):
        return {"正常": "active", "逾期": "overdue", "逾期中": "overdue", "结清": "settled", "已还清": "settled"}


class RepaymentSource(_Labelled):
    """Where a recorded repayment came from, so the user can tell a typed one from one the app recorded."""

    MANUAL = "manual"
    IMPORT = "import"
    ALIPAY = "alipay"
    SCHEDULE = "schedule"
    AUTOPAY = "autopay"
    PREPAYMENT = "prepayment"  # a part prepayment: it pays its own installment, never an assumed one's

    @classmethod
    def _labels(cls):
        return {
            "prepayment": ("提前还部分", "Part prepayment"),
            "manual": ("手动登记", "Logged by hand"),
            "import": ("导入", "Imported"),
            "alipay": ("支付宝账单", "Alipay statement"),
            "schedule": ("按计划记为已还", "Recorded as paid on schedule"),
            "autopay": ("自动扣款", "Autopay deduction"),
        }

    @property
    def is_assumed(self) -> bool:
        """Recorded by the app from the schedule, not from a receipt: a repayment logged by hand replaces it."""
        return self in (RepaymentSource.SCHEDULE, RepaymentSource.AUTOPAY)


class AutopayRecording(_Labelled):
    """What the app does with an autopay installment that fell due and is not recorded as paid."""

    ASK = "ask"
    AUTO = "auto"
    OFF = "off"

    @classmethod
    def _labels(cls):
        return {
            "ask": ("每次询问", "Ask me"),
            "auto": ("自动记为已还", "Record automatically"),
            "off": ("不记录", "Off"),
        }
