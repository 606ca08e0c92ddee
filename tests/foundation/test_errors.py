"""The library's errors: one module, one base for look-up errors, nothing imported."""

from __future__ import annotations

import ast
import inspect
from datetime import date

import pytest

import migrant_convention as mc
from migrant_convention import errors
from migrant_convention.core.dates import PartialDate

LOOKUP_ERRORS = [
    errors.UnknownParticipantError("Atlantis", "no such State"),
    errors.NotInUniverseError("SUN", date(1995, 1, 1)),
    errors.UnknownRuleError("no entry-into-force rule"),
    errors.UnknownGroupingError("continent", ("region", "group")),
]


@pytest.mark.parametrize("error", LOOKUP_ERRORS, ids=lambda e: type(e).__name__)
def test_lookup_errors_print_their_message_without_quotes(error: LookupError) -> None:
    assert isinstance(error, errors.MigrantConventionError)
    assert isinstance(error, LookupError)
    assert str(error) == error.args[0]
    assert not str(error).startswith(("'", '"'))


def test_the_str_of_lookup_errors_is_written_once() -> None:
    lookups = [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
               if issubclass(cls, LookupError) and cls.__module__ == errors.__name__]
    assert len(lookups) >= len(LOOKUP_ERRORS) + 1  # and their base
    overrides = [cls for cls in lookups if "__str__" in vars(cls)]
    assert len(overrides) == 1, overrides
    base = overrides[0]
    assert all(issubclass(cls, base) for cls in lookups)


def test_errors_imports_nothing_from_the_package() -> None:
    tree = ast.parse(inspect.getsource(errors))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, ast.unparse(node)
            assert not (node.module or "").startswith("migrant_convention"), ast.unparse(node)
        elif isinstance(node, ast.Import):
            assert not any(a.name.startswith("migrant_convention") for a in node.names)


def test_grouping_and_language_errors_keep_their_messages() -> None:
    # The messages of 0.1, written out.
    with pytest.raises(errors.UnknownGroupingError) as grouping:
        mc.grouping("continent")
    assert str(grouping.value) == (
        "unknown grouping 'continent' (expected one of region, subregion, intermediate, "
        "group, ldc, lldc, sids, or a mapping from participant code to group name)")
    assert grouping.value.name == "continent"
    with pytest.raises(errors.UnknownLanguageError) as language:
        mc.state_name("DEU", "de")
    assert str(language.value) == "unknown language 'de' (expected one of ar, en, es, fr, ru, zh)"
    assert language.value.lang == "de"
    assert isinstance(language.value, ValueError)


def test_undecidable_error_lists_partial_dates_as_before() -> None:
    month, open_ended = PartialDate.parse("2005-03"), PartialDate.parse("[..2005-03-31]")
    error = errors.UndecidableError("status of ALB", date(2005, 3, 15),
                                    [("ratification of ALB", month), ("signature", open_ended)])
    assert str(error) == (
        "status of ALB on 2005-03-15 is undecidable: it depends on ratification of ALB "
        "dated 2005-03 (between 2005-03-01 and 2005-03-31); signature dated [..2005-03-31] "
        "(between an unknown day and 2005-03-31). "
        "Pass resolve='earliest' or resolve='latest' to choose.")
    assert error.acts[0] == ("ratification of ALB", month)


def test_errors_moved_here_are_the_same_classes_where_they_were() -> None:
    from migrant_convention import groupings, names
    from migrant_convention.places import groupings as new_groupings
    from migrant_convention.places import names as new_names

    assert groupings.UnknownGroupingError is new_groupings.UnknownGroupingError
    assert new_groupings.UnknownGroupingError is errors.UnknownGroupingError
    assert mc.UnknownGroupingError is errors.UnknownGroupingError
    assert "UnknownGroupingError" in new_groupings.__all__
    assert names.UnknownLanguageError is new_names.UnknownLanguageError
    assert new_names.UnknownLanguageError is errors.UnknownLanguageError
    assert mc.UnknownLanguageError is errors.UnknownLanguageError
    assert "UnknownLanguageError" in new_names.__all__
