"""MissingData names the folder it looked in and the setting that moves it."""
from __future__ import annotations

import pytest

from newsgraph.errors import MissingData
from newsgraph.evaluation import data_dir


def test_a_missing_data_set_names_the_chosen_folder_and_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_DATA", str(tmp_path))
    with pytest.raises(MissingData) as raised:
        data_dir("no-such-set")
    message = str(raised.value)
    assert str(tmp_path / "no-such-set") in message and "NEWSGRAPH_DATA" in message
    assert "--data" not in message  # no such option exists


def test_a_present_data_set_is_found(tmp_path, monkeypatch):
    (tmp_path / "gold").mkdir()
    monkeypatch.setenv("NEWSGRAPH_DATA", str(tmp_path))
    assert data_dir("gold") == tmp_path
