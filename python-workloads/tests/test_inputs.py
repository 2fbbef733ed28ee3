from gluebench_py.inputs import SplitMix64, dot_input, echo_input, matmul_input, sort_input


def test_splitmix64_first_values_for_seed_42():
    # The published SplitMix64 outputs for seed 42, re-checked against a separate
    # straightforward implementation of the algorithm in gluebench_py/inputs.py.
    rng = SplitMix64(42)
    assert [rng.next() for _ in range(3)] == [
        0xBDD732262FEB6E95, 0x28EFE333B266F103, 0x47526757130F9F52]


def test_vectors_file_records_the_same_first_values(vectors):
    rng = SplitMix64(vectors['splitmix64']['seed'])
    assert ['0x%016X' % rng.next() for _ in range(3)] == vectors['splitmix64']['first']


def test_next_double_uses_the_top_53_bits():
    rng = SplitMix64(42)
    assert rng.next_double() == (0xBDD732262FEB6E95 >> 11) / 2.0 ** 53
    assert all(0.0 <= rng.next_double() < 1.0 for _ in range(1000))


def test_echo_input_is_the_top_byte_of_each_value():
    rng = SplitMix64(42)
    assert echo_input(5) == bytes(rng.next() >> 56 for _ in range(5))
    assert echo_input(3, seed=7) != echo_input(3)
    assert echo_input(0) == b''


def test_dot_input_draws_all_of_a_then_all_of_b_from_one_stream():
    a, b = dot_input(3)
    rng = SplitMix64(42)
    stream = [2.0 * rng.next_double() - 1.0 for _ in range(6)]
    assert a == stream[:3] and b == stream[3:]
    assert all(-1.0 <= x < 1.0 for x in a + b)


def test_matmul_input_draws_all_of_a_then_all_of_b_from_one_stream():
    a, b = matmul_input(2)
    assert len(a) == len(b) == 4
    flat_a, flat_b = dot_input(4)
    assert a == flat_a and b == flat_b
    assert matmul_input(0) == ([], [])


def test_sort_input_is_the_stream_in_order():
    rng = SplitMix64(42)
    assert sort_input(5) == [2.0 * rng.next_double() - 1.0 for _ in range(5)]
    assert sort_input(0) == []
    assert sort_input(3, seed=7) != sort_input(3)


# ---- wordfreq, records, csvparse ------------------------------------------------------------

from gluebench_py.inputs import (RECORD_CATEGORIES, WORDFREQ_SYLLABLES,  # noqa: E402
                                 csv_price, csvparse_input, records_input, word,
                                 wordfreq_input)


def test_the_vocabulary_has_4096_words_of_6_to_9_utf8_bytes():
    assert len(WORDFREQ_SYLLABLES) == 16
    assert all(len(s) == 2 for s in WORDFREQ_SYLLABLES)
    words = [word(i) for i in range(4096)]
    assert len(set(words)) == 4096
    assert word(0) == 'kakaka'
    assert word(0x123) == 'lomine'
    assert word(4095) == '\u00e7i\u00e7i\u00e7i'
    assert {len(w.encode('utf-8')) for w in words} == {6, 7, 8, 9}
    assert all(ord(c) < 0x10000 for w in words for c in w)


def test_wordfreq_input_follows_the_stream_and_the_separators():
    text = wordfreq_input(300)
    rng = SplitMix64(42)
    words = text.replace('\n', ' ').split(' ')
    for w in words:
        u = rng.next_double()
        assert w == word(int(((u * u) * u) * 4096.0))
    expected = ''.join(('' if k == 0 else '\n' if k % 16 == 0 else ' ') + w
                       for k, w in enumerate(words))
    assert text == expected
    assert text.count('\n') == (len(words) - 1) // 16


def test_wordfreq_input_stops_at_the_first_word_that_does_not_fit():
    assert wordfreq_input(0) == '' and wordfreq_input(5) == ''
    assert wordfreq_input(6) == 'tizuti'        # the first word exactly fits
    for n in (0, 1, 6, 40, 99, 1000, 5000):
        text = wordfreq_input(n)
        used = len(text.encode('utf-8'))
        assert used <= n
        k = len(text.split())
        rng = SplitMix64(42)
        for _ in range(k):
            rng.next_double()
        u = rng.next_double()
        dropped = word(int(((u * u) * u) * 4096.0))
        separator = 0 if k == 0 else 1
        assert used + separator + len(dropped.encode('utf-8')) > n, n
    # At 99 bytes a later, shorter word would fit, but the text ends at the dropped one.
    assert len(wordfreq_input(99).encode('utf-8')) == 92


def test_wordfreq_input_matches_the_vector_fingerprints(vectors):
    for case in vectors['wordfreq']:
        text = wordfreq_input(case['n'], case['seed'])
        assert len(text.encode('utf-8')) == case['length'], case['n']
        assert text[:60] == case['head'], case['n']


def test_records_input_draws_a_category_then_an_amount_per_record():
    rows = records_input(50)
    rng = SplitMix64(42)
    for r, (record_id, category, amount) in enumerate(rows):
        u = rng.next_double()
        assert category == RECORD_CATEGORIES[int((u * u) * 16.0)]
        assert amount == ((rng.next() >> 40) % 1000000) - 100000
        assert record_id == 1000000 + r
    assert records_input(0) == []
    assert records_input(3, seed=7) != records_input(3)


def test_records_input_ranges():
    rows = records_input(5000)
    assert all(-100000 <= amount <= 899999 for _, _, amount in rows)
    assert {category for _, category, _ in rows} == set(RECORD_CATEGORIES)
    assert RECORD_CATEGORIES == sorted(RECORD_CATEGORIES) and len(RECORD_CATEGORIES) == 16


def test_records_input_matches_the_vector_fingerprints(vectors):
    for case in vectors['records']:
        rows = records_input(case['n'], case['seed'])
        assert len(rows) == case['length']
        assert [list(row) for row in rows[:3]] == case['head']


def test_csv_price_writes_three_decimals_and_the_sign():
    assert csv_price(12005) == '12.005'
    assert csv_price(-420) == '-0.420'
    assert csv_price(0) == '0.000'
    assert csv_price(-5) == '-0.005'
    assert csv_price(-1000) == '-1.000'
    assert csv_price(999) == '0.999'
    assert csv_price(-100000000) == '-100000.000'
    assert csv_price(100000000) == '100000.000'


def test_csvparse_input_draws_three_values_per_line():
    text = csvparse_input(40)
    lines = text.split('\n')
    assert lines[0] == 'qty,price,label' and lines[-1] == ''
    assert len(lines) == 42 and text.endswith('\n')
    rng = SplitMix64(42)
    for line in lines[1:-1]:
        qty = ((rng.next() >> 32) % 2000001) - 1000000
        v = ((rng.next() >> 20) % 200000001) - 100000000
        c = rng.next()
        label = ''.join(chr(ord('a') + (((c >> (4 + 5 * j)) & 31) % 26))
                        for j in range(1 + c % 12))
        assert line == '%d,%s,%s' % (qty, csv_price(v), label)
    assert csvparse_input(0) == 'qty,price,label\n'
    assert csvparse_input(2, seed=7) != csvparse_input(2)


def test_csvparse_input_matches_the_vector_fingerprints(vectors):
    for case in vectors['csvparse']:
        text = csvparse_input(case['n'], case['seed'])
        assert len(text.encode('utf-8')) == case['length']
        assert text[:60] == case['head']
