from decimal import Decimal

from civica.accountability.models import (
    Activity,
    Area,
    BudgetGroup,
    BudgetKind,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Level,
    Objective,
    Plan,
    PlanStatus,
    Priority,
)
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory


def make_plan(year=2021, programmes=2, activities=3, status=PlanStatus.APPROVED, organisation=None):
    organisation = organisation or OrganisationFactory()
    plan = Plan.objects.create(organisation=organisation, year=year, end_year=year, title_ro=f"Plan {year}",
                               title_en=f"Plan {year}", status=status, approved_by="Adunarea Generală",
                               stated_income_total=Decimal("1000.50"), stated_expense_total=Decimal("900.00"))
    area = Area.objects.create(plan=plan, name_ro="Program", name_en="Programme")
    Priority.objects.create(area=area, text_ro="Extinderea activității", text_en="Growing", level=Level.LARGE,
                            narrative_ro="Am crescut.", narrative_en="We grew.")
    for number in range(programmes):
        programme = ProgrammeFactory(organisation=organisation, name_ro=f"Programul {number}",
                                     name_en=f"Programme {number}", position=number)
        Objective.objects.create(plan=plan, programme=programme, text_ro=f"Obiectivul {number}")
        for index in range(activities):
            Activity.objects.create(plan=plan, programme=programme, position=index,
                                    title_ro=f"Activitatea {number}.{index}", title_en=f"Activity {number}.{index}",
                                    period_text=["Aprilie – octombrie", "7-10 octombrie", "În derulare"][index % 3])
    indicator = Indicator.objects.create(plan=plan, name_ro="Urmăritori Instagram", name_en="Instagram followers",
                                         unit_ro="prieteni", unit_en="friends", target=Decimal("3000"))
    IndicatorValue.objects.create(indicator=indicator, date=f"{year}-06-30", value=Decimal("2100"))
    income = BudgetGroup.objects.create(plan=plan, kind=BudgetKind.INCOME, name_ro="Cotizații", name_en="Dues",
                                        stated_total=Decimal("1000.50"))
    BudgetLine.objects.create(group=income, label_ro="Administrații", amount=Decimal("1000.50"))
    expenses = BudgetGroup.objects.create(plan=plan, kind=BudgetKind.EXPENSE, name_ro="Cheltuieli",
                                          name_en="Expenses")
    BudgetLine.objects.create(group=expenses, label_ro="Program", amount=Decimal("900.00"),
                              executed=Decimal("950.00"))
    return plan
