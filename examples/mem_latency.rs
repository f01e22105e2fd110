//! Host probe: the latency of one dependent load from random cache lines of a buffer of
//! each size, which tells the last-level cache this machine really gives (extraction's
//! speed on it swings with what neighbours leave of that cache).
//!
//! Run: `cargo run --release --example mem_latency`.

use std::time::Instant;

fn main() {
    const LINE: usize = 64 / std::mem::size_of::<usize>();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        // xorshift64*: enough to shuffle, no dependency
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for kb in [
        32usize, 256, 512, 1024, 2048, 3072, 4096, 16384, 65536, 262144,
    ] {
        let lines = kb * 1024 / 64;
        // a random cycle through every line: each load's address is the previous value
        let mut order: Vec<usize> = (0..lines).collect();
        for i in (1..lines).rev() {
            order.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        let mut buf = vec![0usize; lines * LINE];
        for w in 0..lines {
            buf[order[w] * LINE] = order[(w + 1) % lines] * LINE;
        }
        let steps = 20_000_000usize;
        let mut at = order[0] * LINE;
        let t = Instant::now();
        for _ in 0..steps {
            at = buf[at];
        }
        let ns = t.elapsed().as_secs_f64() * 1e9 / steps as f64;
        println!("{kb:>7} KB: {ns:6.1} ns per load (end {at})");
    }
}
