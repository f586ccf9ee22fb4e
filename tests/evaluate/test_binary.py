import numpy as np

from khulasa.evaluate.binary import bootstrap, precision_recall_f1


def test_precision_recall_f1_by_hand():
    truth = np.array([True, True, True, False, False])
    decided = np.array([True, True, False, True, False])
    precision, recall, f1 = precision_recall_f1(truth, decided)
    assert (precision, recall) == (2 / 3, 2 / 3) and abs(f1 - 2 / 3) < 1e-12
    assert precision_recall_f1(truth, np.zeros(5, dtype=bool)) == (0.0, 0.0, 0.0)


def test_bootstrap_interval_brackets_the_statistic_and_repeats():
    values = np.arange(100, dtype=float)
    low, high = bootstrap(lambda pick: (values[pick].mean(),), 100, rounds=500)
    assert low[0] < values.mean() < high[0] and high[0] - low[0] < 15
    again = bootstrap(lambda pick: (values[pick].mean(),), 100, rounds=500)
    assert (again[0][0], again[1][0]) == (low[0], high[0])
