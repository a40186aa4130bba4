//! `tuixin`: the command-line face of the analyzer (see the CLI contract in DESIGN.md).
//!
//! `tuixin check` reads recipient fields from stdin, one per line; `tuixin explain` reads messages
//! (files, mboxes, directories or stdin). `--json` prints one JSON object per input line / message.
//! Exit 0 when it ran, 2 on bad usage with a one-line error on stderr.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tuixin::bounce::{self, BounceReport, ExplainOptions};
use tuixin::i18n::Lang;
use tuixin::recipients::{self, CheckOptions, FieldReport, Severity, Verdict};

/// mimalloc rather than the system's malloc: explain allocates many small strings per message.
/// (The integration tests also build this binary for wasm32, where the default allocator stays.)
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: tuixin check [--json] [--lang zh|en] [--from ADDR]
       tuixin explain [--json] [--lang zh|en] [PATH ...]
       tuixin --help | --version";

const HELP: &str = "tuixin (退信助手): explain email bounces and catch mistyped recipients.

  tuixin check    reads recipient fields on stdin, one per line, and checks every address
  tuixin explain  explains bounce messages: .eml files, mboxes, directories (walked), or stdin;
                  a pasted notice or a bare SMTP reply works too

options:
  --json          one JSON object per input line (check) or per message (explain)
  --lang zh|en    language of the explanations (default: zh, or from LANG)
  --from ADDR     (check) the sender's address, for provider limits and external recipients

exit status: 0 when it ran, 2 on bad usage.";

/// Files larger than this are not read whole (a bounce is small; an mbox may be large).
const MAX_FILE: u64 = 512 * 1024 * 1024;

struct Args {
    command: Command,
    json: bool,
    lang: Lang,
    from: Option<String>,
    paths: Vec<String>,
}

#[derive(PartialEq)]
enum Command {
    Check,
    Explain,
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("tuixin: {msg}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match args.command {
        Command::Check => run_check(&args),
        Command::Explain => run_explain(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`tuixin explain dir | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tuixin: {e}");
            ExitCode::from(1)
        }
    }
}

fn parse_args(argv: &[String]) -> Result<Option<Args>, String> {
    let mut it = argv.iter();
    let command = match it.next().map(String::as_str) {
        Some("check") => Command::Check,
        Some("explain") => Command::Explain,
        Some("-h" | "--help" | "help") => {
            println!("{HELP}\n\n{USAGE}");
            return Ok(None);
        }
        Some("-V" | "--version") => {
            println!("tuixin {}", env!("CARGO_PKG_VERSION"));
            return Ok(None);
        }
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("a command is needed".to_string()),
    };
    let mut args = Args { command, json: false, lang: default_lang(), from: None, paths: Vec::new() };
    let mut only_paths = false;
    while let Some(a) = it.next() {
        if only_paths {
            args.paths.push(a.clone());
            continue;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--json" => args.json = true,
            "--lang" => {
                let v = value("--lang")?;
                args.lang = Lang::parse(&v).ok_or_else(|| format!("--lang takes zh or en, not '{v}'"))?;
            }
            "--from" if args.command == Command::Check => args.from = Some(value("--from")?),
            "-h" | "--help" => {
                println!("{HELP}\n\n{USAGE}");
                return Ok(None);
            }
            "--" => only_paths = true,
            f if f.starts_with('-') && f != "-" => return Err(format!("unknown option '{f}'")),
            _ if args.command == Command::Explain => args.paths.push(a.clone()),
            _ => return Err(format!("check reads stdin and takes no argument '{a}'")),
        }
    }
    Ok(Some(args))
}

/// zh unless the environment asks for English.
fn default_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or(Lang::Zh)
}

fn run_check(args: &Args) -> io::Result<()> {
    let opts = CheckOptions { lang: args.lang, from: args.from.clone(), ..CheckOptions::default() };
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let color = use_color(&stdout);
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        n += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        let report = recipients::check_bytes(&line, &opts);
        if args.json {
            serde_json::to_writer(&mut out, &report).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        } else {
            print_field(&mut out, n, &report, args.lang, color)?;
        }
    }
    out.flush()
}

fn run_explain(args: &Args) -> io::Result<()> {
    let opts = ExplainOptions { lang: args.lang, check: CheckOptions { lang: args.lang, ..CheckOptions::default() } };
    let stdout = io::stdout();
    let color = use_color(&stdout);
    let mut out = BufWriter::new(stdout.lock());
    let mut emit = |out: &mut BufWriter<io::StdoutLock>, source: String, bytes: &[u8]| -> io::Result<()> {
        let mut report = bounce::explain(bytes, &opts);
        report.source = source;
        if args.json {
            serde_json::to_writer(&mut *out, &report).map_err(io::Error::other)?;
            out.write_all(b"\n")
        } else {
            print_bounce(out, &report, args.lang, color)
        }
    };
    if args.paths.is_empty() {
        let mut bytes = Vec::new();
        io::stdin().lock().take(MAX_FILE).read_to_end(&mut bytes)?;
        return emit_messages(&mut out, "-", &bytes, &mut emit).and_then(|_| out.flush());
    }
    for p in &args.paths {
        if p == "-" {
            let mut bytes = Vec::new();
            io::stdin().lock().take(MAX_FILE).read_to_end(&mut bytes)?;
            emit_messages(&mut out, "-", &bytes, &mut emit)?;
            continue;
        }
        let mut files = Vec::new();
        collect_files(Path::new(p), p.clone(), &mut files);
        for (shown, path) in files {
            match read_file(&path) {
                Ok(bytes) => emit_messages(&mut out, &shown, &bytes, &mut emit)?,
                Err(e) => {
                    out.flush()?;
                    eprintln!("tuixin: {shown}: {e}");
                }
            }
        }
    }
    out.flush()
}

/// Emits one report per message: an mbox gives `source#N` for its N-th message.
fn emit_messages<W, F>(out: &mut W, source: &str, bytes: &[u8], emit: &mut F) -> io::Result<()>
where
    F: FnMut(&mut W, String, &[u8]) -> io::Result<()>,
{
    let messages = bounce::split_mbox(bytes);
    if messages.len() == 1 && !bytes.starts_with(b"From ") {
        return emit(out, source.to_string(), messages[0]);
    }
    for (i, m) in messages.iter().enumerate() {
        emit(out, format!("{source}#{}", i + 1), m)?;
    }
    Ok(())
}

fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let f = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A path as given: a file, or a directory walked recursively in name order (hidden entries skipped).
/// A path that cannot be read is still listed, so that reading it reports the error.
fn collect_files(path: &Path, shown: String, files: &mut Vec<(String, PathBuf)>) {
    let Ok(meta) = std::fs::metadata(path) else {
        files.push((shown, path.to_path_buf()));
        return;
    };
    if !meta.is_dir() {
        files.push((shown, path.to_path_buf()));
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        files.push((shown, path.to_path_buf()));
        return;
    };
    let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let child = path.join(&name);
        let child_shown = format!("{}/{}", shown.trim_end_matches('/'), name.to_string_lossy());
        collect_files(&child, child_shown, files);
    }
}

fn use_color(stdout: &io::Stdout) -> bool {
    stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, sev: Severity, s: &str) -> String {
        self.wrap(
            match sev {
                Severity::Error => "1;31",
                Severity::Warning => "33",
                Severity::Info => "36",
            },
            s,
        )
    }
}

fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn severity_word(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => tr(lang, "错误", "error"),
        Severity::Warning => tr(lang, "警告", "warning"),
        Severity::Info => tr(lang, "提示", "info"),
    }
}

fn print_field<W: Write>(out: &mut W, n: usize, r: &FieldReport, lang: Lang, color: bool) -> io::Result<()> {
    let p = Paint(color);
    writeln!(out, "{} {n}: {}", tr(lang, "第", "line"), r.input)?;
    if r.recipients.is_empty() && r.findings.is_empty() {
        writeln!(out, "  {}", tr(lang, "（没有收件人）", "(no recipient)"))?;
    }
    for rec in &r.recipients {
        let (mark, sev) = match rec.verdict {
            Verdict::Ok => ("✓", None),
            Verdict::Info => ("i", Some(Severity::Info)),
            Verdict::Warning => ("!", Some(Severity::Warning)),
            Verdict::Error => ("✗", Some(Severity::Error)),
        };
        let head = format!("{mark} {}", rec.address);
        let head = match sev {
            Some(s) => p.severity(s, &head),
            None => p.wrap("32", &head),
        };
        match &rec.name {
            Some(name) => writeln!(out, "  {head}  ({name})")?,
            None => writeln!(out, "  {head}")?,
        }
        for f in &rec.findings {
            writeln!(
                out,
                "      {} {} [{}]",
                p.severity(f.severity, severity_word(lang, f.severity)),
                f.message,
                f.rule
            )?;
        }
        if let Some(s) = &rec.suggestion {
            writeln!(out, "      → {} {}", tr(lang, "建议改为", "did you mean"), p.wrap("1", s))?;
        }
    }
    for f in &r.findings {
        writeln!(out, "  {} {} [{}]", p.severity(f.severity, severity_word(lang, f.severity)), f.message, f.rule)?;
    }
    if let Some(fixed) = &r.fixed {
        writeln!(out, "  {} {}", tr(lang, "修正后整栏：", "fixed field:"), p.wrap("1", fixed))?;
    }
    Ok(())
}

fn print_bounce<W: Write>(out: &mut W, r: &BounceReport, lang: Lang, color: bool) -> io::Result<()> {
    let p = Paint(color);
    let kind = match r.kind {
        bounce::Kind::Dsn => tr(lang, "退信（投递状态通知）", "bounce (delivery status notification)"),
        bounce::Kind::Notice => tr(lang, "退信通知", "bounce notice"),
        bounce::Kind::SmtpReply => tr(lang, "SMTP 回复", "SMTP reply"),
        bounce::Kind::Feedback => tr(lang, "投诉报告（不是退信）", "complaint report (not a bounce)"),
        bounce::Kind::AutoReply => tr(lang, "自动回复（不是退信）", "auto-reply (not a bounce)"),
        bounce::Kind::NotBounce => tr(lang, "不是退信", "not a bounce"),
    };
    let by = r.generated_by.as_deref().map(|g| format!(" · {g}")).unwrap_or_default();
    writeln!(out, "{}  {kind}{by}", p.wrap("1", &r.source))?;
    if let Some(subject) = &r.original_subject {
        let date = r.original_date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
        writeln!(out, "  {} {subject}{date}", tr(lang, "原邮件：", "original message:"))?;
    }
    if r.suspicious {
        writeln!(
            out,
            "  {}",
            p.severity(
                Severity::Error,
                tr(
                    lang,
                    "当心：这封信看起来像退信，但并非来自邮件系统，可能是钓鱼邮件。不要点其中的链接或登录。",
                    "Caution: this looks like a bounce but does not come from a mail system; it may be phishing. Do not click its links or log in."
                )
            )
        )?;
    }
    for rec in &r.recipients {
        let who = rec.address.as_deref().unwrap_or(tr(lang, "（未知收件人）", "(unknown recipient)"));
        let sev = if rec.temporary { Severity::Warning } else { Severity::Error };
        writeln!(out, "  {} {}", p.severity(sev, "●"), p.wrap("1", who))?;
        writeln!(out, "    {}  [{}]", p.wrap("1", &rec.explanation.title), rec.reason.name())?;
        let codes: Vec<&str> =
            [&rec.reply_code, &rec.status, &rec.provider_code].into_iter().filter_map(|c| c.as_deref()).collect();
        if !codes.is_empty() {
            writeln!(out, "    {}", codes.join(" "))?;
        }
        let retry = if rec.temporary {
            tr(lang, "暂时性问题，稍后重发可能成功", "temporary: resending later may work")
        } else {
            tr(lang, "重发同样会失败，需要先解决问题", "resending as is will fail again")
        };
        writeln!(out, "    {} {} · {}", tr(lang, "问题在：", "fault:"), rec.fault.label().get(lang), retry)?;
        if !rec.explanation.detail.is_empty() {
            writeln!(out, "    {}", rec.explanation.detail)?;
        }
        for (i, a) in rec.explanation.actions.iter().enumerate() {
            writeln!(out, "    {}. {a}", i + 1)?;
        }
        if let Some(check) = &rec.address_check {
            if let Some(s) = &check.suggestion {
                writeln!(
                    out,
                    "    → {} {}",
                    tr(lang, "地址可能有误，建议改为", "the address looks mistyped; did you mean"),
                    p.wrap("1", s)
                )?;
            }
        }
        if let Some(d) = &rec.diagnostic {
            writeln!(out, "    {} {}", p.wrap("2", tr(lang, "原文：", "server said:")), p.wrap("2", d))?;
        }
    }
    Ok(())
}
