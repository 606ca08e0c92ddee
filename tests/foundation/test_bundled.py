"""One registry of the bundled files and one loader for all of them."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from importlib.resources import files

import pytest

from migrant_convention import _bundled, data
from migrant_convention.data import campaign_events
from migrant_convention.places import names, regions


def _files_in_data() -> set[str]:
    folder = files("migrant_convention").joinpath("_data")
    return {f.name for f in folder.iterdir() if f.is_file()}


def test_the_registry_lists_every_file_in_data_once() -> None:
    registered = [d.file for d in _bundled.BUNDLED]
    assert sorted(registered) == sorted(_files_in_data())
    assert len({d.name for d in _bundled.BUNDLED}) == len(_bundled.BUNDLED)


@pytest.mark.parametrize("meta", _bundled.BUNDLED, ids=lambda d: d.name)
def test_every_dataset_says_what_it_is_and_loads(meta: _bundled.Dataset) -> None:
    assert meta.title.strip()
    assert meta.sources
    assert all(s.strip() for s in meta.sources)
    assert _bundled.dataset(meta.name) is meta
    text = _bundled.text(meta.name)
    expected = files("migrant_convention").joinpath("_data", meta.file).read_text(
        encoding="utf-8")
    assert text == expected
    assert _bundled.text(meta.name) is text  # read once


def test_an_unknown_dataset_is_an_error() -> None:
    with pytest.raises(KeyError, match="no bundled dataset 'nope'"):
        _bundled.dataset("nope")
    with pytest.raises(KeyError):
        _bundled.text("nope")


def test_the_registries_of_0_1_are_views_of_the_one_registry() -> None:
    # data.DATASETS and regions.REGIONAL_DATASETS keep their 0.1 keys
    # (DATASETS gains the ILO records' in 0.2).
    assert set(data.DATASETS) == {"icrmw", "states", "ilo_c097", "ilo_c143", "ilo_c189"}
    assert set(regions.REGIONAL_DATASETS) == {"m49", "un_regional_groups"}
    every = {**data.DATASETS, **regions.REGIONAL_DATASETS,
             campaign_events.DATASET.name: campaign_events.DATASET}
    for name, meta in every.items():
        assert meta is _bundled.dataset(name)
        assert meta.name == name
    assert data.Dataset is _bundled.Dataset


def test_the_old_paths_give_the_same_objects() -> None:
    from migrant_convention import event_data, events, untc
    from migrant_convention import regions as old_regions
    from migrant_convention.campaigns import events as new_events
    from migrant_convention.formats import untc as new_untc

    assert untc is new_untc
    assert untc.lookup_participant is names.lookup_participant
    assert untc.participant_names is names.participant_names
    assert {"lookup_participant", "participant_names"} <= set(untc.__all__)
    assert _bundled.dataset("untc_names").file == untc.NAMES_FILE
    assert events is new_events
    # (an implementation detail of the module, not a public name: no stub has it)
    assert vars(events)["participant_name"] is names.participant_name
    assert old_regions.REGIONAL_DATASETS is regions.REGIONAL_DATASETS
    assert event_data.DATASET is _bundled.dataset("campaign_events")


def test_only_the_loader_reads_data_files() -> None:
    # No module but _bundled opens _data/ itself.
    for module in (data, campaign_events, regions, names):
        source = inspect.getsource(module)
        assert "importlib.resources" not in source, module.__name__
        assert '"_data"' not in source, module.__name__


def test_bundled_imports_nothing_from_the_package() -> None:
    for node in ast.walk(ast.parse(inspect.getsource(_bundled))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, ast.unparse(node)
            assert not (node.module or "").startswith("migrant_convention")


def test_nothing_is_read_at_import() -> None:
    code = (
        "import migrant_convention._bundled as b\n"
        "import migrant_convention.data, migrant_convention.data.campaign_events\n"
        "import migrant_convention.places.regions, migrant_convention.places.names\n"
        "import migrant_convention.formats.untc\n"
        "assert b.text.cache_info().currsize == 0, b.text.cache_info()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_a_loader_must_be_provided_before_it_is_used() -> None:
    with pytest.raises(LookupError, match="'icrmw' has no loader"):
        _bundled.load("icrmw")
    with pytest.raises(KeyError):
        _bundled.provide("nope", data.states)
    assert _bundled.load("states") is data.states()


def test_state_name_has_its_default_universe_in_a_fresh_interpreter() -> None:
    code = "import migrant_convention as mc\nprint(mc.state_name('BOL'))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "Bolivia (Plurinational State of)", done.stderr
