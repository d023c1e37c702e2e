"""Addressing answers read as people write them, and socket programs tested over loopback."""

from __future__ import annotations

import ipaddress

import pytest

from assessor.domain.grading import addressing, grade_submission


@pytest.mark.parametrize(("kind", "expected", "answer"), [
    ("network", "10.0.0.64/26", "10.0.0.64/26"),
    ("network", "10.0.0.64/26", " 10.0.0.64 255.255.255.192 "),
    ("network", "10.0.0.64/26", "10.0.0.64 /26"),
    ("prefix", "26", "/26"),
    ("prefix", "26", "255.255.255.192"),
    ("netmask", "255.255.255.192", "/26"),
    ("range", "10.0.0.1 - 10.0.0.62", "10.0.0.1–10.0.0.62"),
    ("range", "10.0.0.1 - 10.0.0.62", "10.0.0.1 till 10.0.0.62"),
    ("networks", "10.0.0.0/25, 10.0.1.0/24", "10.0.1.0/24\n10.0.0.0/25"),
    ("integer", "1024", "1 024"),
    ("word", "tcp", " TCP "),
])
def test_equivalent_ways_of_writing_an_answer_are_accepted(kind, expected, answer):
    assert addressing.same(kind, expected, answer)


@pytest.mark.parametrize(("kind", "expected", "answer"), [
    ("network", "10.0.0.64/26", "10.0.0.64/27"),
    ("address", "10.0.0.63", "10.0.0.64"),
    ("networks", "10.0.0.0/24", "10.0.0.0/25, 10.0.0.128/25"),
])
def test_different_answers_are_wrong(kind, expected, answer):
    assert not addressing.same(kind, expected, answer)


@pytest.mark.parametrize(("kind", "answer"), [
    ("network", "10.0.0.65/26"),   # host bits set: not a network address
    ("address", "10.0.0.256"),
    ("port", "70000"),
    ("prefix", "/33"),
])
def test_unreadable_answers_raise(kind, answer):
    with pytest.raises(ValueError):
        addressing.same(kind, "1", answer)


def test_a_list_of_accepted_answers():
    assert addressing.same("word", ["udp", "udp/tcp"], "UDP/TCP")


@pytest.fixture
def subnet(bank_challenge):
    return bank_challenge("n-adresser-i-natet")


def test_answers_come_from_form_fields_or_an_answers_file(subnet):
    params = subnet.variant(4).params
    fields = {"natadress": params["natadress"], "broadcast": params["broadcast"],
              "forsta": params["forsta"], "sista": params["sista"], "antal": str(params["antal"])}
    assert grade_submission(subnet, fields, seed=4).score == 1.0
    toml = "\n".join(f'{k} = "{v}"' for k, v in fields.items()).encode()
    assert grade_submission(subnet, {"answers.toml": toml}, seed=4).score == 1.0


def test_the_answers_are_checked_against_the_candidates_own_seed(subnet):
    params = subnet.variant(4).params
    other = next(s for s in range(5, 50)
                 if subnet.variant(s).params["natadress"] != params["natadress"])
    result = grade_submission(subnet, {"natadress": params["natadress"]}, seed=other)
    assert "nätadress" in result.failed


def test_an_unreadable_answer_shows_how_to_write_it(subnet):
    result = grade_submission(subnet, {"natadress": "192.168.1"}, seed=1)
    assert result.tests[0].message == ("Kunde inte läsa '192.168.1' som address. Skriv till "
                                       "exempel 192.168.1.10.")
    assert result.tests[4].message == "Inget svar."


def test_a_broken_answers_file_is_not_gradable(subnet):
    result = grade_submission(subnet, {"answers.toml": b'natadress = "1.2.3.0\n'})
    assert not result.gradable and "answers.toml" in result.message


def test_an_answers_file_nested_too_deeply_is_not_gradable(subnet):
    result = grade_submission(subnet, {"answers.toml": b"natadress = " + b"[" * 200_000})
    assert not result.gradable and "answers.toml" in result.message
    assert "recursion" not in result.message


def test_generated_addressing_answers_are_consistent_with_ipaddress(subnet):
    for seed in range(30):
        p = subnet.variant(seed).params
        net = ipaddress.IPv4Network(f"{p['adress']}/{p['prefix']}", strict=False)
        assert ipaddress.IPv4Address(p["adress"]) in list(net.hosts())
        assert (p["natadress"], p["broadcast"]) == (str(net.network_address),
                                                    str(net.broadcast_address))


def test_a_server_is_tested_by_clients_over_loopback(bank_challenge, local_runner):
    challenge = bank_challenge("n-radprotokoll-server")
    wrong = next(w for w in challenge.wrongs if w.name == "kraschar-pa-fel-tal")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    assert result.failed == {"felaktiga tal"}
    failed = next(t for t in result.tests if not t.passed)
    assert failed.message.startswith("Inget svar på rad 1: servern svarade inte inom 1.5 s")


def test_a_server_that_never_listens_fails_with_the_port(bank_challenge, local_runner):
    challenge = bank_challenge("n-radprotokoll-server")
    result = grade_submission(challenge, "import sys\nprint('ingen server')\n",
                              runner=local_runner, visible_only=True)
    assert result.score == 0.0
    assert result.tests[0].message.startswith("Kunde inte ansluta till din server på 127.0.0.1:")


def test_a_client_is_tested_against_a_canned_server(bank_challenge, local_runner):
    challenge = bank_challenge("n-tidsklient")
    wrong = next(w for w in challenge.wrongs if w.name == "skriver-bytes")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    assert result.failed == {"frågar och skriver ut", "en annan tid"}
    assert "b'12:34:56" in result.tests[0].got


def test_a_network_address_may_be_written_with_the_prefix_the_task_is_about(subnet):
    params = subnet.variant(4).params
    natadress, prefix = params["natadress"], params["prefix"]
    for answer in (f"{natadress}/{prefix}", f"{natadress} / {prefix}",
                   f"{natadress} {ipaddress.IPv4Network(f'0.0.0.0/{prefix}').netmask}"):
        result = grade_submission(subnet, {"natadress": answer}, seed=4, locale="en")
        assert result.tests[0].passed, (answer, result.tests[0].message)


def test_an_address_with_another_prefix_than_the_tasks_is_wrong_and_says_why(subnet):
    params = subnet.variant(4).params
    answer = f"{params['natadress']}/{params['prefix'] - 1}"
    result = grade_submission(subnet, {"natadress": answer}, seed=4, locale="en")
    assert not result.tests[0].passed
    assert result.tests[0].message == (
        f"The prefix /{params['prefix'] - 1} is not the one of the network in the task. Write "
        "the address without a prefix, or with the network's prefix.")


def test_an_address_field_that_names_no_prefix_asks_for_the_address_alone():
    with pytest.raises(addressing.PrefixWrongError):
        addressing.same("address", "10.0.0.64", "10.0.0.64/26")
    assert addressing.same("address", "10.0.0.64", "10.0.0.64/26", prefix=26)
    assert not addressing.same("address", "10.0.0.64", "10.0.0.65/26", prefix=26)


def test_a_network_answer_says_when_the_host_part_is_set_or_the_prefix_is_missing(make_challenge):
    from assessor.domain.challenge_bank import load_challenge

    body = """
        [network]
        mode = "form"

        [[tests]]
        name = "nätet"
        field = "nat"
        type = "network"
        expect = "10.0.0.64/26"
    """
    wrong = {f"wrong/{n}/answers.toml": f'nat = "{v}"\n' for n, v in (("a", "10.0.0.0/26"),
                                                                       ("b", "10.0.0.128/26"))}
    folder = make_challenge(body, grader="network", files='["answers.toml"]', extra={
        "solution/answers.toml": 'nat = "10.0.0.64/26"\n', **wrong,
        **{f"wrong/{n}/expect.toml": 'mistake = "x"\nfails = ["nätet"]\n' for n in "ab"}})
    challenge = load_challenge(folder)
    messages = [grade_submission(challenge, {"nat": answer}).tests[0].message
                for answer in ("10.0.0.70/26", "10.0.0.64")]
    assert messages == [
        "'10.0.0.70/26' är en adress i nätet, inte nätadressen: alla bitar efter prefixet ska "
        "vara 0.",
        "Skriv nätet med prefix: '10.0.0.64' saknar /, till exempel 192.168.1.0/26."]


def test_prefix_is_read_only_for_address_fields(make_challenge):
    from assessor.domain.challenge_bank.loading import read_challenge

    body = """
        [network]
        mode = "form"

        [[tests]]
        name = "nätet"
        type = "network"
        prefix = 26
        expect = "10.0.0.64/26"

        [[tests]]
        name = "adressen"
        type = "address"
        prefix = "/40"
        expect = "10.0.0.64"
    """
    folder = make_challenge(body, grader="network", files='["answers.toml"]', extra={
        "solution/answers.toml": 'nätet = "10.0.0.64/26"\nadressen = "10.0.0.64"\n',
        **{f"wrong/{n}/answers.toml": 'nätet = "10.0.0.0/26"\nadressen = "10.0.0.1"\n'
           for n in "ab"},
        **{f"wrong/{n}/expect.toml": 'mistake = "x"\nfails = ["nätet", "adressen"]\n'
           for n in "ab"}})
    _, problems = read_challenge(folder)
    assert [str(p) for p in problems] == [
        'prov-uppgift/challenge.toml: tests[0].prefix: is only read for type = "address", not '
        "'network'. Remove it: a network answer carries its own prefix.",
        "prov-uppgift/challenge.toml: tests[1].prefix: '/40' is not a prefix. Write a number "
        "from 0 to 32."]
