from decimal import Decimal as D

from civica.accountability.budget import Group, Line, summarise, variance

DUES = Group("Cotizații", "income", (Line("Administrații", D("675000.00")), Line("Instituții", D("1173.00")),
                                     Line("ONG-uri", D("2587.50"))), stated_total=D("678760.50"))
EXPENSES = Group("Cheltuieli", "expense", (Line("Program", D("600000.00"), executed=D("550000.00")),
                                           Line("Admin", D("70000.00"))))


def test_totals_difference_and_no_mismatch():
    summary = summarise([DUES, EXPENSES], stated_income=D("678760.50"), stated_expenses=D("670000.00"))
    assert summary.income == D("678760.50") and summary.expenses == D("670000.00")
    assert summary.difference == D("8760.50")
    assert summary.mismatches == []
    assert summary.expenses_executed == D("550000.00") and summary.income_executed is None


def test_stated_totals_that_do_not_add_up_are_reported():
    wrong = Group("Cotizații", "income", DUES.lines, stated_total=D("678760.00"))
    summary = summarise([wrong], stated_income=D("1.00"))
    assert [(m.what, m.difference) for m in summary.mismatches] == [("Cotizații", D("-0.50")),
                                                                   ("income", D("-678759.50"))]


def test_variance():
    assert variance(D("100"), D("120")) == (D("20"), D("0.2"))
    assert variance(D("100"), None) == (None, None)
    assert variance(D("0"), D("5")) == (D("5"), None)
