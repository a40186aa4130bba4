//! `tuixin-bench`: times the analyzer core natively, in one process, over the benchmark inputs.
//!
//!   tuixin-bench ADDRESSES_FILE FILE_LIST [MIN_SECONDS]
//!
//! ADDRESSES_FILE has one typed address per line; each is checked as a one-recipient field
//! (`check_field`), as mailcheck is given one address at a time. FILE_LIST names one message file
//! per line; they are read into memory first, then `explain`ed in rounds (I/O is not timed).
//! A 50-recipient field (the first 50 addresses joined with "; ") is timed as one call.
//! Each rate is the best of three samples of at least MIN_SECONDS (default 1); `explain` is also
//! timed in CPU seconds of the thread (Linux), which a shared machine disturbs far less.
//! Prints one JSON object: rates per second and the per-call time of the 50-recipient field.
//!
//! For A/B runs of one side on a shared machine: `BENCH_ONLY=check` times the one-address checks
//! alone; ADDRESSES_FILE `-` times `explain` alone. For counting instructions
//! (`valgrind --tool=cachegrind --cache-sim=no`, which a shared machine does not disturb),
//! `BENCH_CHECK_ROUNDS=N` runs N untimed rounds of the checks, and a fourth argument N runs `explain`
//! over the files N times, untimed; neither prints anything.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The CLI's allocator (src/bin/tuixin.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use tuixin::bounce::{explain, ExplainOptions};
use tuixin::recipients::{check_field, CheckOptions};

/// CPU time this thread has run, from Linux's `/proc/thread-self/schedstat` (nanoseconds);
/// `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?))
}

/// Like [`rate`], in items per second of this thread's CPU time (the machine may be shared: CPU
/// time is what the work cost, whatever else ran); 0 where the CPU time cannot be read.
fn cpu_rate(min: Duration, per_round: usize, mut round: impl FnMut()) -> f64 {
    round();
    let mut best = 0f64;
    for _ in 0..3 {
        let (Some(cpu0), start) = (thread_cpu(), Instant::now()) else { return 0.0 };
        let mut rounds = 0usize;
        while rounds == 0 || start.elapsed() < min {
            round();
            rounds += 1;
        }
        let cpu = thread_cpu().map_or(Duration::ZERO, |c| c.saturating_sub(cpu0));
        if !cpu.is_zero() {
            best = best.max((rounds * per_round) as f64 / cpu.as_secs_f64());
        }
    }
    best
}

/// Repeats `round` (which processes `per_round` items) until `min` has passed, three times;
/// the best of the three rates, in items per second (the machine may be shared: the best sample
/// is the one least disturbed).
fn rate(min: Duration, per_round: usize, mut round: impl FnMut()) -> (f64, usize) {
    round(); // warm-up: lazily built tables, caches
    let mut best = 0f64;
    let mut items = 0usize;
    for _ in 0..3 {
        let start = Instant::now();
        let mut rounds = 0usize;
        while rounds == 0 || start.elapsed() < min {
            round();
            rounds += 1;
        }
        items += rounds * per_round;
        best = best.max((rounds * per_round) as f64 / start.elapsed().as_secs_f64());
    }
    (best, items)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: tuixin-bench ADDRESSES_FILE FILE_LIST [MIN_SECONDS]");
        std::process::exit(2);
    }
    let min = Duration::from_secs_f64(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1.0));
    let addresses: Vec<String> = if args[0] == "-" {
        Vec::new()
    } else {
        std::fs::read_to_string(&args[0])
            .expect("read the addresses")
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let files: Vec<Vec<u8>> = std::fs::read_to_string(&args[1])
        .expect("read the file list")
        .lines()
        .filter(|l| !l.is_empty())
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("read {p}: {e}")))
        .collect();

    let eopts = ExplainOptions::default();
    if let Some(n) = args.get(3).and_then(|s| s.parse::<usize>().ok()) {
        for _ in 0..n {
            for f in &files {
                black_box(explain(black_box(f), &eopts));
            }
        }
        return;
    }

    let copts = CheckOptions::default();
    if let Some(rounds) = std::env::var("BENCH_CHECK_ROUNDS").ok().and_then(|r| r.parse::<usize>().ok()) {
        for _ in 0..rounds {
            for a in &addresses {
                black_box(check_field(black_box(a), &copts));
            }
        }
        return;
    }
    let (check_per_s, check_n) = if addresses.is_empty() {
        (0.0, 0)
    } else {
        rate(min, addresses.len(), || {
            for a in &addresses {
                black_box(check_field(black_box(a), &copts));
            }
        })
    };

    if std::env::var("BENCH_ONLY").is_ok_and(|v| v == "check") {
        println!("{}", serde_json::json!({ "side": "native", "addresses": addresses.len(), "check_per_s": check_per_s }));
        return;
    }

    let field50 = addresses.iter().take(50).cloned().collect::<Vec<_>>().join("; ");
    let (field50_per_s, _) = if addresses.is_empty() {
        (f64::INFINITY, 0)
    } else {
        rate(min, 1, || {
            black_box(check_field(black_box(&field50), &copts));
        })
    };

    let bytes: usize = files.iter().map(Vec::len).sum();
    let (explain_per_s, explain_n) = rate(min, files.len(), || {
        for f in &files {
            black_box(explain(black_box(f), &eopts));
        }
    });

    let explain_cpu_per_s = cpu_rate(min, files.len(), || {
        for f in &files {
            black_box(explain(black_box(f), &eopts));
        }
    });

    println!(
        "{}",
        serde_json::json!({
            "side": "native",
            "addresses": addresses.len(),
            "check_per_s": check_per_s,
            "check_calls": check_n,
            "field50_ms": 1000.0 / field50_per_s,
            "messages": files.len(),
            "message_bytes": bytes,
            "explain_per_s": explain_per_s,
            "explain_calls": explain_n,
            "explain_cpu_per_s": explain_cpu_per_s,
        })
    );
}
