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
