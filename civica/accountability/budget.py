"""Budget arithmetic on plain data: subtotals, totals, the difference, execution and variance, and
the check of every stated total against the sum of its lines. Decimal throughout."""

from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Line:
    label: str
    amount: Decimal
    executed: Decimal | None = None


@dataclass(frozen=True)
class Group:
    name: str
    kind: str  # "income" or "expense"
    lines: tuple
    stated_total: Decimal | None = None

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def executed(self) -> Decimal | None:
        values = [line.executed for line in self.lines if line.executed is not None]
        return sum(values, ZERO) if values else None


@dataclass(frozen=True)
class Mismatch:
    what: str
    stated: Decimal
    computed: Decimal

    @property
    def difference(self) -> Decimal:
        return self.stated - self.computed


@dataclass
class BudgetSummary:
    groups: list
    income: Decimal
    expenses: Decimal
    income_executed: Decimal | None
    expenses_executed: Decimal | None
    mismatches: list = field(default_factory=list)

    @property
    def difference(self) -> Decimal:
        return self.income - self.expenses


def summarise(groups, *, stated_income=None, stated_expenses=None) -> BudgetSummary:
    income_groups = [group for group in groups if group.kind == "income"]
    expense_groups = [group for group in groups if group.kind == "expense"]
    income = sum((group.total for group in income_groups), ZERO)
    expenses = sum((group.total for group in expense_groups), ZERO)
    mismatches = [Mismatch(group.name, group.stated_total, group.total) for group in groups
                  if group.stated_total is not None and group.stated_total != group.total]
    if stated_income is not None and stated_income != income:
        mismatches.append(Mismatch("income", stated_income, income))
    if stated_expenses is not None and stated_expenses != expenses:
        mismatches.append(Mismatch("expenses", stated_expenses, expenses))
    return BudgetSummary(groups=list(groups), income=income, expenses=expenses,
                         income_executed=_executed(income_groups), expenses_executed=_executed(expense_groups),
                         mismatches=mismatches)


def breakdown(groups, kind) -> list:
    """``[(label, amount)]`` of one kind for a chart: the categories' totals, or the lines of the only
    category when there is one (a single "Expenses" category says nothing; its lines do)."""
    chosen = [group for group in groups if group.kind == kind]
    if len(chosen) == 1:
        return [(line.label, line.amount) for line in chosen[0].lines]
    return [(group.name, group.total) for group in chosen]


def _executed(groups):
    values = [group.executed for group in groups if group.executed is not None]
    return sum(values, ZERO) if values else None


def variance(budgeted: Decimal, executed: Decimal | None):
    """Executed minus budgeted, and as a share of the budget (None when not executed yet)."""
    if executed is None:
        return None, None
    difference = executed - budgeted
    return difference, (difference / budgeted if budgeted else None)
