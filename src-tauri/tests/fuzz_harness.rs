//! Bounded fuzzing that CI runs: each target of `fuzz_targets` (the backup reader, the outbox
//! ingest, the two CSV importers and the manifest reader) is fed inputs made by mutating the
//! committed corpus (`tests/corpus/`) and by plain random bytes, with a fixed case count and a
//! fixed seed, so a run is repeatable. A panic or a run longer than `HANG` fails the test: each
//! input runs on a thread of its own and the harness waits for it at most `HANG`, so an input
//! that never finishes fails the run instead of holding CI until its own timeout.
//!
//! For a long run, `.dev/fuzz.sh TARGET SECONDS` uses cargo-fuzz (coverage-guided) where a nightly
//! toolchain is available and otherwise this harness, run for SECONDS with a fresh seed
//! (`FUZZ_SECONDS`; `FUZZ_CASES` sets the count per round).

mod fuzz_targets;

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// No single input may take longer than this.
const HANG: Duration = Duration::from_secs(10);

fn corpus_files(kind: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus").join(kind);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files.into_iter().map(|p| std::fs::read(p).expect("corpus file")).collect()
}

fn decrypt_with_corpus_key(sealed: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let identity = fuzz_targets::identity();
    let decryptor = age::Decryptor::new_buffered(sealed).expect("age file");
    let mut reader = decryptor.decrypt(std::iter::once(identity as &dyn age::Identity)).expect("opens");
    let mut out = Vec::new();
    reader.read_to_end(&mut out).expect("read");
    out
}

/// The inputs each target starts from.
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    let corpus = |kind: &str| corpus_files(kind);
    match target {
        "backup_file" => corpus("backup"),
        "backup_plain" => {
            let valid = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus/backup/valid.age"))
                .expect("valid backup");
            vec![decrypt_with_corpus_key(&valid)]
        }
        "outbox" => {
            let raw = corpus("outbox");
            let envelope = {
                let sealed = std::fs::read(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus/outbox/wrong-vault-id.age"),
                )
                .expect("submission");
                decrypt_with_corpus_key(&sealed)
            };
            let mut out: Vec<Vec<u8>> = raw.into_iter().map(|f| [&[1u8][..], &f].concat()).collect();
            out.push([&[0u8][..], &envelope].concat());
            out
        }
        "people_csv" => corpus("csv-people"),
        "training_csv" => corpus("csv-training"),
        "manifest" => corpus("manifest"),
        other => panic!("no seeds for {other}"),
    }
}

/// One change to an input.
#[derive(Debug, Clone)]
enum Edit {
    Flip { at: usize, bit: u8 },
    Set { at: usize, byte: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Remove { at: usize, len: usize },
    Truncate { at: usize },
    Repeat { at: usize, len: usize, times: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Edit::Flip { at, bit }),
        3 => (any::<usize>(), prop_oneof![any::<u8>(), Just(b'"'), Just(b','), Just(b'\n'), Just(b'{'), Just(b'[')])
            .prop_map(|(at, byte)| Edit::Set { at, byte }),
        2 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..32)).prop_map(|(at, bytes)| Edit::Insert { at, bytes }),
        2 => (any::<usize>(), 1usize..256).prop_map(|(at, len)| Edit::Remove { at, len }),
        1 => any::<usize>().prop_map(|at| Edit::Truncate { at }),
        1 => (any::<usize>(), 1usize..64, 2usize..64).prop_map(|(at, len, times)| Edit::Repeat { at, len, times }),
    ]
}

fn apply(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = data.len();
        match e {
            Edit::Flip { at, bit } if n > 0 => data[at % n] ^= 1 << bit,
            Edit::Set { at, byte } if n > 0 => data[at % n] = *byte,
            Edit::Insert { at, bytes } => {
                let at = at % (n + 1);
                data.splice(at..at, bytes.iter().copied());
            }
            Edit::Remove { at, len } if n > 0 => {
                let at = at % n;
                data.drain(at..(at + len).min(n));
            }
            Edit::Truncate { at } => data.truncate(at % (n + 1)),
            Edit::Repeat { at, len, times } if n > 0 => {
                let at = at % n;
                let piece = data[at..(at + len).min(n)].to_vec();
                for _ in 1..*times {
                    data.splice(at..at, piece.iter().copied());
                }
            }
            _ => {}
        }
    }
    data
}

/// A mutated seed most of the time, plain random bytes otherwise.
fn input(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let count = seeds.len();
    prop_oneof![
        9 => (0..count, proptest::collection::vec(edit(), 1..6))
            .prop_map(move |(i, edits)| apply(seeds[i].clone(), &edits)),
        1 => proptest::collection::vec(any::<u8>(), 0..2048),
    ]
}

/// How one input ended when it did not finish in time.
#[derive(Debug, PartialEq, Eq)]
enum Stopped {
    /// It panicked (the panic's message is printed by the thread).
    Panicked,
    /// It was still running when the time was up; the thread is left behind, and the test fails.
    Hung,
}

/// Runs `work` on a thread of its own and waits at most `limit` for it.
fn within(limit: Duration, work: impl FnOnce() + Send + 'static) -> Result<Duration, Stopped> {
    let (done, finished) = std::sync::mpsc::channel();
    let began = Instant::now();
    std::thread::Builder::new()
        .name("fuzz input".into())
        .spawn(move || {
            work();
            let _ = done.send(());
        })
        .expect("a thread for the input");
    match finished.recv_timeout(limit) {
        Ok(()) => Ok(began.elapsed()),
        // The sender went without sending: the work panicked.
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(Stopped::Panicked),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(Stopped::Hung),
    }
}

/// One input through `target`, on its own thread, within `HANG`.
fn run_one(target: &'static str, data: Vec<u8>) -> Result<Duration, Stopped> {
    within(HANG, move || fuzz_targets::run(target, &data))
}

fn run(target: &'static str) {
    let cases: u32 = std::env::var("FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(48);
    let seconds: Option<u64> = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok());
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let seeds = seeds(target);
    // Every seed as it is, first.
    for (i, seed) in seeds.iter().enumerate() {
        if let Err(stopped) = run_one(target, seed.clone()) {
            panic!("{target}: seed {i}: {stopped:?} (limit {HANG:?})");
        }
    }
    let mut executions = seeds.len() as u64;
    let mut round: u64 = 0;
    loop {
        let mut seed = [0u8; 32];
        let fixed = 0x5afe_0000_u64 + round;
        let stamp = if deadline.is_some() {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
        } else {
            0
        };
        seed[..8].copy_from_slice(&fixed.to_le_bytes());
        seed[8..16].copy_from_slice(&stamp.to_le_bytes());
        let config = Config { cases, failure_persistence: None, ..Config::default() };
        let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
        let ran = std::cell::Cell::new(0u64);
        let result = runner.run(&input(seeds.clone()), |data| {
            ran.set(ran.get() + 1);
            let len = data.len();
            match run_one(target, data) {
                Ok(_) => Ok(()),
                // A hung input is not shrunk: every smaller try could hang as long again.
                Err(Stopped::Hung) => panic!("{target}: an input of {len} bytes ran longer than {HANG:?}"),
                Err(Stopped::Panicked) => Err(TestCaseError::fail(format!("{target} panicked on {len} bytes"))),
            }
        });
        executions += ran.get();
        if let Err(e) = result {
            panic!("{target}: fuzzing found a failure after {executions} executions: {e}");
        }
        round += 1;
        if deadline.is_none_or(|d| Instant::now() >= d) {
            break;
        }
    }
    eprintln!("fuzz {target}: {executions} executions in {round} rounds, no crash and no hang");
}

#[test]
fn fuzz_backup_file() {
    run("backup_file");
}

#[test]
fn fuzz_backup_plain() {
    run("backup_plain");
}

#[test]
fn fuzz_outbox() {
    run("outbox");
}

#[test]
fn fuzz_people_csv() {
    run("people_csv");
}

#[test]
fn fuzz_training_csv() {
    run("training_csv");
}

#[test]
fn fuzz_manifest() {
    run("manifest");
}

/// Regression: the harness looked at the clock only after an input finished, so an input that
/// never finished held the test (and CI) until CI's own timeout.
#[test]
fn an_input_that_never_finishes_fails_the_run_instead_of_blocking_it() {
    let began = Instant::now();
    let outcome = within(Duration::from_millis(200), || std::thread::sleep(Duration::from_secs(3600)));
    assert_eq!(outcome, Err(Stopped::Hung));
    assert!(began.elapsed() < Duration::from_secs(5), "the harness waited {:?}", began.elapsed());
}

#[test]
fn an_input_that_panics_is_reported_as_a_panic_and_one_that_finishes_as_done() {
    assert_eq!(within(Duration::from_secs(5), || panic!("a planted panic")), Err(Stopped::Panicked));
    assert!(within(Duration::from_secs(5), || {}).is_ok());
}

/// Writes every target's seeds as files, for cargo-fuzz: `FUZZ_SEEDS_TO=<dir>`, one folder per
/// target. Used by `.dev/fuzz.sh`.
#[test]
#[ignore = "run by .dev/fuzz.sh"]
fn write_fuzz_seeds() {
    let to = std::env::var("FUZZ_SEEDS_TO").expect("FUZZ_SEEDS_TO");
    for target in fuzz_targets::TARGETS {
        let dir = Path::new(&to).join(target);
        std::fs::create_dir_all(&dir).expect("seed folder");
        for (i, seed) in seeds(target).iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i:02}")), seed).expect("write seed");
        }
    }
}
