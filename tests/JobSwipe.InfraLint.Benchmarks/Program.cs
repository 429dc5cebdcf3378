using System.Globalization;
using JobSwipe.InfraLint.Benchmarks;

// The JobSwipe.InfraLint benchmark: see docs/benchmarks.md for what it measures and how.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string Usage = """
    Usage: dotnet run -c Release --project tests/JobSwipe.InfraLint.Benchmarks -- [options]

      --services N      services in the synthetic monorepo (6 files each; default 2000 = 12,000 files)
      --runs K          measured runs per figure, after one warm-up for in-process runs (default 5)
      --scaling         also run N/12, N/4 and 4N services (1k, 3k and 48k files at N = 2000) and show time per file per size and per analyzer
      --peers           also time dockerfilelint, dclint, ShellCheck and yamllint on the same files (skipped when absent)
      --peer-runs P     runs per peer (default: K)
      --builds          also time a consumer's cold and no-op builds with and without the package
      --build-runs B    runs per build figure (default 5)
      --all             --scaling --peers --builds
      --large-text      only the 100 MB text case: 25 files of 4 MB linted in process, reported in MB/s
      --tool DLL        the infralint.dll to time (default: build src/JobSwipe.InfraLint.Cli in Release into the work folder)
      --regexes DIR     only time the engine's regular expressions and JSI7002's raw-text test over every YAML, JSON, shell
                        and Makefile text under DIR (each whole and lower-cased), slowest first
      --ready-to-run    also publish the tool with ReadyToRun for this machine's RID and time it alternately with the other
      --output FILE     also write the report (Markdown) to FILE
      --keep            keep the work folder (generated repositories, consumers, feed)
    """;

int services = 2000, runs = 5, buildRuns = 5;
int? peerRuns = null;
bool scaling = false, peers = false, builds = false, keep = false, largeText = false, readyToRun = false;
string? toolDll = null, outputFile = null, regexRoot = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--services": services = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--peer-runs": peerRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--build-runs": buildRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--scaling": scaling = true; break;
        case "--peers": peers = true; break;
        case "--builds": builds = true; break;
        case "--all": scaling = peers = builds = true; break;
        case "--tool": toolDll = Path.GetFullPath(Next()); break;
        case "--output": outputFile = Path.GetFullPath(Next()); break;
        case "--keep": keep = true; break;
        case "--large-text": largeText = true; break;
        case "--ready-to-run": readyToRun = true; break;
        case "--regexes": regexRoot = Path.GetFullPath(Next()); break;
        case "-h" or "--help": Console.WriteLine(Usage); return 0;
        default: Console.Error.WriteLine($"unknown option {args[i]}\n{Usage}"); return 2;
    }
}

if (services < 4 || runs < 1 || buildRuns < 1 || peerRuns < 1)
{
    Console.Error.WriteLine($"--services must be at least 4 and the run counts at least 1\n{Usage}");
    return 2;
}

if (regexRoot is not null)
{
    Regexes.Measure(regexRoot, top: 15);
    return 0;
}

var slowPeer = TimeSpan.FromSeconds(60);
string repositoryRoot = FindRepositoryRoot();

string workRoot = Path.Combine(Path.GetTempPath(), "infralint-bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(workRoot);
var report = new Report();
try
{
    report.Line("# JobSwipe.InfraLint benchmark");
    report.Line();
    report.Line("Command: `dotnet run -c Release --project tests/JobSwipe.InfraLint.Benchmarks --" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty) + "`");
    report.Line();
    Machine.Describe(report, repositoryRoot);

    if (largeText)
    {
        string textRoot = Path.Combine(workRoot, "large-text");
        Report.Progress($"generating {LargeText.Files} text files of {LargeText.BytesPerFile:N0} bytes in {textRoot}");
        long bytes = LargeText.Write(textRoot);
        Report.Progress($"in process: {runs} runs over {bytes:N0} bytes");
        LargeText.Measure(report, textRoot, bytes, runs);
        return 0;
    }

    // The fixture first, so that its first run is this process's first: cold, with JIT.
    report.Heading("The JobSwipe fixture, in process");
    string fixture = Path.Combine(repositoryRoot, "tests", "fixtures", "jobswipe");
    var first = InProcess.RunOnce(fixture);
    var fixtureRuns = Enumerable.Range(0, Math.Max(runs, 10)).Select(_ => InProcess.RunOnce(fixture)).ToList();
    double fixtureWarm = Stats.Median(fixtureRuns.Select(r => r.WallMs));
    report.Table(
        ["tests/fixtures/jobswipe", "ms"],
        [
            ["first run in the process (JIT included)", Stats.Ms(first.WallMs)],
            [$"median of {fixtureRuns.Count} warm runs (min–max)", Stats.Spread([.. fixtureRuns.Select(r => r.WallMs)])],
            ["files discovered / analyzed / findings", $"{first.FilesDiscovered} / {first.FilesAnalyzed} / {first.Findings}"],
        ]);

    toolDll ??= BuildTool(repositoryRoot, workRoot);
    if (toolDll is null)
    {
        report.Line();
        report.Line("The tool could not be built: its figures are skipped.");
    }

    string? r2rDll = readyToRun && toolDll is not null ? PublishReadyToRun(repositoryRoot, workRoot) : null;
    var r2rRuns = new List<ChildRun>();
    int[] sizes = scaling ? [.. new[] { services / 12, services / 4, services, services * 4 }.Where(s => s >= 4).Distinct()] : [services];
    int mainIndex = Array.IndexOf(sizes, services);
    var measured = new List<(int Services, string Root, InProcessSummary InProcess, List<ChildRun> Tool)>();
    foreach (int size in sizes)
    {
        string root = Path.Combine(workRoot, $"monorepo-{size}");
        Report.Progress($"generating {size} services ({size * SyntheticMonorepo.FilesPerService} files) in {root}");
        SyntheticMonorepo.Write(root, size);
    }

    // Largest first: its warm-up runs are the longest, so every size is then measured with the JIT's optimized code
    // (measured smallest first, the first size's time per file came out inflated).
    foreach (int size in Enumerable.Reverse(sizes))
    {
        string root = Path.Combine(workRoot, $"monorepo-{size}");
        Report.Progress($"in process: {runs} runs over {size} services");
        var inProcess = InProcess.Measure(root, runs);
        var tool = new List<ChildRun>();
        if (toolDll is not null)
        {
            Report.Progress($"tool: {runs} runs over {size} services");
            for (int run = 0; run < runs; run++)
            {
                var result = ChildProcess.Run("dotnet", [toolDll, root, "--timings"], root);
                if (result.ExitCode is not (0 or 1))
                {
                    report.Line($"The tool failed (exit {result.ExitCode}): {result.Tail}");
                }

                tool.Add(result);
                if (r2rDll is not null && size == services)
                {
                    // Alternated with the run above, so both see the same load.
                    r2rRuns.Add(ChildProcess.Run("dotnet", [r2rDll, root, "--timings"], root));
                }
            }
        }

        measured.Insert(0, (size, root, inProcess, tool));
    }

    var main = measured[mainIndex];
    double toolWall = main.Tool.Count > 0 ? Stats.Median(main.Tool.Select(r => r.Wall.TotalMilliseconds)) : double.NaN;
    double toolPeak = main.Tool.Count > 0 ? Stats.Median(main.Tool.Select(r => (double)r.PeakRssBytes)) : double.NaN;
    int files = main.InProcess.Files;

    report.Heading($"Synthetic monorepo: {main.Services} services, {files:N0} files");
    report.Line($"Generated by `SyntheticMonorepo` (6 files per service, problems on fixed strides); {main.InProcess.Analyzed:N0} files analyzed, {main.InProcess.Findings:N0} findings. Medians of {runs} runs.");
    report.Line();
    report.Table(
        ["how", "wall ms (min–max)", "files/s", "peak memory MB"],
        [
            ["`infralint` tool: `dotnet infralint.dll ROOT` (process start to exit, text report to a pipe)", main.Tool.Count > 0 ? Stats.Spread([.. main.Tool.Select(r => r.Wall.TotalMilliseconds)]) : "skipped", main.Tool.Count > 0 ? Stats.Number(files / (toolWall / 1000)) : "-", main.Tool.Count > 0 ? Stats.Mb(toolPeak) + " (child's peak RSS)" : "-"],
            ["in process: `LintEngine.Run` + text formatting, warm", Stats.Spread([.. main.InProcess.Runs.Select(r => r.WallMs)]), Stats.Number(files / (main.InProcess.WallMs / 1000)), Stats.Mb(InProcess.PeakWorkingSet()) + " (benchmark process's peak working set, all sizes)"],
        ]);
    report.Line();
    report.Line($"Peak memory of a child: {ChildProcess.PeakMemoryMethod}. Allocated per in-process run: {Stats.Mb(main.InProcess.AllocatedBytes)} MB (median).");

    var emptyRuns = new List<ChildRun>();
    if (toolDll is not null)
    {
        string empty = Path.Combine(workRoot, "empty");
        Directory.CreateDirectory(empty);
        Report.Progress($"tool: {runs} runs over an empty folder");
        var r2rEmpty = new List<ChildRun>();
        for (int run = 0; run < runs; run++)
        {
            emptyRuns.Add(ChildProcess.Run("dotnet", [toolDll, empty, "--timings"], empty));
            if (r2rDll is not null)
            {
                r2rEmpty.Add(ChildProcess.Run("dotnet", [r2rDll, empty, "--timings"], empty));
            }
        }

        if (r2rDll is not null)
        {
            report.Heading("ReadyToRun: the same tool precompiled, runs alternated with the tool above");
            report.Table(
                ["tool", $"{files:N0} files: wall ms (min–max)", "peak RSS MiB", "start-up ms (min–max)", "empty folder: wall ms (min–max)"],
                [
                    ["as built (IL, JIT at run time)", Stats.Spread([.. main.Tool.Select(r => r.Wall.TotalMilliseconds)]), Stats.Mb(toolPeak), Stats.Spread([.. main.Tool.Select(r => ToolTimings.Parse(r.Tail).GetValueOrDefault("start-up", double.NaN))]), Stats.Spread([.. emptyRuns.Select(r => r.Wall.TotalMilliseconds)])],
                    ["ReadyToRun (`dotnet publish -r RID -p:PublishReadyToRun=true`)", Stats.Spread([.. r2rRuns.Select(r => r.Wall.TotalMilliseconds)]), Stats.Mb(Stats.Median(r2rRuns.Select(r => (double)r.PeakRssBytes))), Stats.Spread([.. r2rRuns.Select(r => ToolTimings.Parse(r.Tail).GetValueOrDefault("start-up", double.NaN))]), Stats.Spread([.. r2rEmpty.Select(r => r.Wall.TotalMilliseconds)])],
                ]);
        }

        report.Heading("Through the tool: where the time goes (`--timings`, median of the runs above)");
        var phases = main.Tool.Select(r => ToolTimings.Parse(r.Tail)).Where(t => t.Count > 0).ToList();
        if (phases.Count == 0)
        {
            report.Line("The tool printed no `--timings` line.");
        }
        else
        {
            report.Table(
                ["part", "ms (min–max)", "what"],
                ToolTimings.Parts.Select(p => (IReadOnlyList<string>)[p.Name, Stats.Spread([.. phases.Select(t => t.GetValueOrDefault(p.Key, double.NaN))]), p.What]));
        }

        report.Line();
        report.Line($"An empty folder through the tool (process start to exit): {Stats.Spread([.. emptyRuns.Select(r => r.Wall.TotalMilliseconds)])} ms, peak RSS {Stats.Mb(Stats.Median(emptyRuns.Select(r => (double)r.PeakRssBytes)))} MiB.");
    }

    report.Heading("Time per phase (in process, wall, median)");
    report.Table(
        ["phase", "ms", "share"],
        new (string Name, double Ms)[]
        {
            ("discovery (walk, classify, .editorconfig, compose fragments)", main.InProcess.Phase(p => p.Discovery)),
            ("parsing (read + parse every file, parallel)", main.InProcess.Phase(p => p.Parsing)),
            ("  of which reading (thread time × parsing wall ÷ (read + parse thread time))", main.InProcess.Phase(p => p.Parsing) * main.InProcess.Work(w => w.Read) / (main.InProcess.Work(w => w.Read) + main.InProcess.Work(w => w.Parse))),
            ("  of which parsing proper (the same share of the rest)", main.InProcess.Phase(p => p.Parsing) * main.InProcess.Work(w => w.Parse) / (main.InProcess.Work(w => w.Read) + main.InProcess.Work(w => w.Parse))),
            ("rules (file actions parallel, then repository actions)", main.InProcess.Phase(p => p.Rules)),
            ("  of which semantic facts (the same share of the phase as of its thread time)", main.InProcess.Phase(p => p.Rules) * main.InProcess.Work(w => w.Facts) / (main.InProcess.Work(w => w.Facts) + main.InProcess.Work(w => w.Rules))),
            ("  of which the rules' own work", main.InProcess.Phase(p => p.Rules) * main.InProcess.Work(w => w.Rules) / (main.InProcess.Work(w => w.Facts) + main.InProcess.Work(w => w.Rules))),
            ("reporting (severity, suppressions, fingerprints, order, baseline)", main.InProcess.Phase(p => p.Reporting)),
            ("output (formatting the text report)", main.InProcess.OutputMs),
        }.Select(p => (IReadOnlyList<string>)[p.Name, Stats.Ms(p.Ms), (100 * p.Ms / main.InProcess.WallMs).ToString("0", CultureInfo.InvariantCulture) + " %"]));

    report.Line();
    report.Line($"Thread time, summed over the worker threads (median): read {Stats.Ms(main.InProcess.Work(w => w.Read))} ms, parse {Stats.Ms(main.InProcess.Work(w => w.Parse))} ms, semantic facts (Repository.Facts, computed on a rule's first request) {Stats.Ms(main.InProcess.Work(w => w.Facts))} ms, rules without the facts {Stats.Ms(main.InProcess.Work(w => w.Rules))} ms, of which cross-file (repository actions) {Stats.Ms(main.InProcess.RepositoryActionsMs)} ms. The \"of which\" rows split a phase's wall time in these proportions.");

    report.Heading("Time per file kind (in process, thread time summed over threads, median)");
    report.Table(
        ["kind", "files", "read ms", "parse ms", "rules ms", "µs per file (read + parse + rules)"],
        main.InProcess.Kinds.Select(kind =>
        {
            double read = main.InProcess.KindMs(kind, k => k.Read), parse = main.InProcess.KindMs(kind, k => k.Parse), rules = main.InProcess.KindMs(kind, k => k.Rules);
            int count = main.InProcess.KindFiles(kind);
            return (IReadOnlyList<string>)[kind.ToString(), Stats.Number(count), Stats.Ms(read), Stats.Ms(parse), Stats.Ms(rules), Stats.Number(1000 * (read + parse + rules) / count, "0")];
        }));
    report.Line();
    report.Line("Thread time: the wall time spent inside each file's read, parse and file actions, summed over the worker threads (so it exceeds the phases' wall time on 2 cores, and includes time a thread was preempted on a loaded machine). Rules time here is the file actions of the kind; cross-file rules (repository actions) are in the per-analyzer table.");

    report.Heading("Time per analyzer (in process, thread time summed over threads, median)");
    var analyzerRows = main.InProcess.Analyzers
        .Select(a => (a.Analyzer, a.RuleIds, a.Invocations, Ms: main.InProcess.AnalyzerMs(a.Analyzer)))
        .OrderByDescending(a => a.Ms)
        .ToList();
    report.Table(
        ["analyzer", "rules", "actions run", "ms", "µs per file"],
        analyzerRows.Select(a => (IReadOnlyList<string>)[a.Analyzer, a.RuleIds, Stats.Number(a.Invocations), Stats.Ms(a.Ms), Stats.Number(1000 * a.Ms / files, "0.0")]));

    var flagged = new List<string>();
    if (measured.Count > 1)
    {
        report.Heading("Scaling: time per file as the repository grows");
        double startUp = emptyRuns.Count > 0 ? Stats.Median(emptyRuns.Select(r => r.Wall.TotalMilliseconds)) : 0;
        double PerFile(InProcessSummary p) => 1000 * p.WallMs / p.Files;
        double reference = PerFile(main.InProcess);
        report.Table(
            ["services", "files", "tool wall ms (min–max)", "tool µs/file, start-up taken out", "tool peak RSS MiB", "in-process ms", "in-process µs/file", "÷ the " + Stats.Number(main.InProcess.Files) + "-file figure", "parsing µs/file", "rules µs/file", "cross-file rules µs/file", "JSI5001 µs/file"],
            measured.Select(m =>
            {
                double wall = m.Tool.Count > 0 ? Stats.Median(m.Tool.Select(r => r.Wall.TotalMilliseconds)) : double.NaN;
                int n = m.InProcess.Files;
                double ratio = PerFile(m.InProcess) / reference;
                return (IReadOnlyList<string>)
                [
                    Stats.Number(m.Services), Stats.Number(n), m.Tool.Count > 0 ? Stats.Spread([.. m.Tool.Select(r => r.Wall.TotalMilliseconds)]) : "-", Stats.Number(1000 * (wall - startUp) / n, "0"),
                    m.Tool.Count > 0 ? Stats.Mb(Stats.Median(m.Tool.Select(r => (double)r.PeakRssBytes))) : "-",
                    Stats.Ms(m.InProcess.WallMs), Stats.Number(PerFile(m.InProcess), "0"), Stats.Ratio(ratio) + (Math.Abs(ratio - 1) <= 0.15 ? "" : " (outside ±15 %)"),
                    Stats.Number(1000 * m.InProcess.Phase(p => p.Parsing) / n, "0"), Stats.Number(1000 * m.InProcess.Phase(p => p.Rules) / n, "0"),
                    Stats.Number(1000 * m.InProcess.RepositoryActionsMs / n, "0.0"), Stats.Number(1000 * m.InProcess.AnalyzerMs("CommittedSecretRule") / n, "0.0"),
                ];
            }));
        report.Line();
        report.Line("In-process µs per file is the linearity test (±15 % of the main size's figure); the tool's figure has the start-up of an empty folder (above) taken out, since a fixed cost otherwise dominates the small sizes. Cross-file rules are the repository actions' thread time; JSI5001 is the all-text-files secret scan.");
        report.Line();
        var smallest = measured[0];
        var largest = measured[^1];
        report.Line($"Per analyzer, µs of thread time per file at each size, and the growth of that figure from {smallest.Services} to {largest.Services} services (1.00× is linear, about 2× per doubling is quadratic). An analyzer is flagged when its time per file grows by at least 1.25× at every step and by more than 1.5× overall, and it costs at least 20 ms at the largest size:");
        report.Line();
        report.Table(
            ["analyzer", .. measured.Select(m => $"{m.Services} svc"), "growth", "flag"],
            main.InProcess.Analyzers.Select(a =>
            {
                double[] perFile = [.. measured.Select(m => 1000 * m.InProcess.AnalyzerMs(a.Analyzer) / m.InProcess.Files)];
                double growth = perFile[^1] / perFile[0];
                bool everyStep = perFile.Zip(perFile.Skip(1)).All(p => p.Second >= 1.25 * p.First);
                bool flag = everyStep && growth > 1.5 && largest.InProcess.AnalyzerMs(a.Analyzer) >= 20;
                if (flag)
                {
                    flagged.Add(a.Analyzer);
                }

                return (IReadOnlyList<string>)[a.Analyzer, .. perFile.Select(v => Stats.Number(v, "0.0")), Stats.Ratio(growth), flag ? "**grows faster than linear**" : ""];
            }));
    }

    var peerComparisons = new List<(string Name, double PeerMs, double SameFilesMs)>();
    if (peers)
    {
        report.Heading("Peers on the same files");
        int count = peerRuns ?? runs;
        var relative = Directory.EnumerateFiles(main.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(main.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        if (main.Tool.Count > 0)
        {
            rows.Add(["infralint, the whole repository (every kind)", Stats.Number(files), Stats.Spread([.. main.Tool.Select(r => r.Wall.TotalMilliseconds)]), Stats.Mb(toolPeak), "-", "-", "-", "-"]);
        }

        foreach (var peer in Peer.All)
        {
            string? executable = peer.FindExecutable();
            if (executable is null)
            {
                notes.Add($"{peer.Name}: not installed, skipped (install: `{peer.Install}`).");
                continue;
            }

            string version = peer.Version(executable);
            var selected = relative.Where(peer.Select).ToList();
            Report.Progress($"peers: {peer.Name} {version}, {count} runs over {selected.Count} files");
            var results = new List<ChildRun>();
            for (int run = 0; run < count; run++)
            {
                results.Add(ChildProcess.Run(executable, [.. peer.Options, .. selected], main.Root, timeout: TimeSpan.FromMinutes(10)));
                if (results[0].Wall > slowPeer)
                {
                    // Many times slower than InfraLint already: more runs would not change the comparison, only the run's length.
                    notes.Add($"{peer.Name}: its first run took {results[0].Wall.TotalSeconds:0} s (over {slowPeer.TotalSeconds:0} s), so it ran once.");
                    break;
                }
            }

            // InfraLint on exactly the peer's files: a copy of the tree holding only them.
            var same = new List<ChildRun>();
            if (toolDll is not null)
            {
                string subset = Path.Combine(workRoot, "subset-" + peer.Name);
                foreach (string path in selected)
                {
                    string target = Path.Combine(subset, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(Path.Combine(main.Root, path), target, overwrite: true);
                }

                for (int run = 0; run < count; run++)
                {
                    same.Add(ChildProcess.Run("dotnet", [toolDll, subset], subset));
                }
            }

            double wall = Stats.Median(results.Select(r => r.Wall.TotalMilliseconds));
            double sameWall = same.Count > 0 ? Stats.Median(same.Select(r => r.Wall.TotalMilliseconds)) : double.NaN;
            peerComparisons.Add((peer.Name, wall, sameWall));
            rows.Add(
            [
                $"{peer.Name} {version} ({peer.Covers})", Stats.Number(selected.Count), Stats.Spread([.. results.Select(r => r.Wall.TotalMilliseconds)]),
                Stats.Mb(Stats.Median(results.Select(r => (double)r.PeakRssBytes))), same.Count > 0 ? Stats.Spread([.. same.Select(r => r.Wall.TotalMilliseconds)]) : "-",
                Stats.Ratio(wall / sameWall), Stats.Ratio(wall / toolWall), $"exit {results[0].ExitCode}, {results[0].OutputLines:N0} lines",
            ]);
        }

        report.Table(["linter", "files", "wall ms (min–max)", "peak RSS MB", "infralint on the same files, ms", "peer ÷ infralint, same files", "peer ÷ infralint, whole repository", "peer's output"], rows);
        report.Line();
        report.Line($"Each peer runs over all its files (relative paths on one command line, from the repository root, one process), {count} runs, median. \"infralint on the same files\" is the tool on a copy of the tree holding only those files; the last ratio compares the peer on its files with the tool on the whole repository (all six kinds). A ratio above 1 means InfraLint is faster.");
        foreach (string note in notes)
        {
            report.Line();
            report.Line(note);
        }
    }

    (double Ratio, double AddedMs)? noop = null;
    if (builds)
    {
        report.Heading("A consumer's build with and without the package");
        noop = new BuildBenchmark(repositoryRoot, workRoot, report).Run(buildRuns);
    }

    report.Heading("Targets");
    var targets = new List<IReadOnlyList<string>>();
    if (main.Tool.Count > 0)
    {
        targets.Add(files >= 12_000
            ? [$"{files:N0} files through the tool under 2 s (median)", Stats.Ms(toolWall) + " ms", toolWall < 2000 ? "met" : $"missed by {Stats.Ms(toolWall - 2000)} ms"]
            : ["12,000 files through the tool under 2 s", $"not measured: {files:N0} files (run --services 2000)", "-"]);
        targets.Add(["tool peak memory under 300 MiB", Stats.Mb(toolPeak) + " MiB", toolPeak < 300.0 * 1024 * 1024 ? "met" : "missed"]);
    }

    targets.Add(["JobSwipe fixture in process under 100 ms (warm median; first run in brackets)", $"{Stats.Ms(fixtureWarm)} ms ({Stats.Ms(first.WallMs)} ms)", fixtureWarm < 100 ? "met" : "missed"]);
    if (measured.Count > 1)
    {
        targets.Add(["no analyzer grows faster than linearly", flagged.Count == 0 ? "none flagged" : string.Join(", ", flagged), flagged.Count == 0 ? "met" : "missed"]);
    }

    foreach (var (name, peerMs, sameMs) in peerComparisons)
    {
        // Issue 19's targets, as files/s ratios on the same files: dockerfilelint 3×, dclint 50×, ShellCheck 10×; yamllint only slower.
        double wanted = name switch { "dockerfilelint" => 3, "dclint" => 50, "shellcheck" => 10, _ => 1 };
        targets.Add([$"at least {wanted:0}× {name}'s files/s on its files (tool on the same files; on the whole repository)", $"{Stats.Ratio(peerMs / sameMs)} ({Stats.Ms(sameMs)} vs {Stats.Ms(peerMs)} ms); {Stats.Ratio(peerMs / toolWall)}", (peerMs / sameMs >= wanted ? "met" : "missed") + " / " + (peerMs / toolWall >= wanted ? "met" : "missed")]);
    }

    if (noop is { } n)
    {
        targets.Add(["no-op rebuild at most 1.10× the same rebuild without the package", $"{Stats.Ratio(n.Ratio)} (+{Stats.Ms(n.AddedMs)} ms)", n.Ratio <= 1.10 ? "met" : $"missed by {Stats.Ms(n.AddedMs - ((n.AddedMs / (n.Ratio - 1)) * 0.10))} ms"]);
    }

    report.Table(["target", "measured", "status"], targets);
    report.Line();
    report.Line($"Load average at the end: {Machine.LoadAverage()}.");
}
finally
{
    if (outputFile is not null)
    {
        report.Save(outputFile);
        Report.Progress($"report written to {outputFile}");
    }

    if (keep)
    {
        Report.Progress($"kept {workRoot}");
    }
    else
    {
        try
        {
            Directory.Delete(workRoot, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Report.Progress($"could not delete {workRoot}: {ex.Message}");
        }
    }
}

return 0;

static string? BuildTool(string repositoryRoot, string workRoot)
{
    string output = Path.Combine(workRoot, "tool");
    Report.Progress("building the infralint tool (Release)");
    string project = Path.Combine(repositoryRoot, "src", "JobSwipe.InfraLint.Cli", "JobSwipe.InfraLint.Cli.csproj");
    var result = ChildProcess.Run("dotnet", ["build", project, "-c", "Release", "-o", output, "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false"], repositoryRoot);
    string dll = Path.Combine(output, "infralint.dll");
    if (result.ExitCode != 0 || !File.Exists(dll))
    {
        Report.Progress($"dotnet build of the tool failed (exit {result.ExitCode}): {result.Tail}");
        return null;
    }

    return dll;
}

static string? PublishReadyToRun(string repositoryRoot, string workRoot)
{
    string output = Path.Combine(workRoot, "tool-r2r");
    string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
    Report.Progress($"publishing the infralint tool with ReadyToRun for {rid}");
    string project = Path.Combine(repositoryRoot, "src", "JobSwipe.InfraLint.Cli", "JobSwipe.InfraLint.Cli.csproj");
    var result = ChildProcess.Run("dotnet", ["publish", project, "-c", "Release", "-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false"], repositoryRoot);
    string dll = Path.Combine(output, "infralint.dll");
    if (result.ExitCode != 0 || !File.Exists(dll))
    {
        Report.Progress($"dotnet publish with ReadyToRun failed (exit {result.ExitCode}): {result.Tail}");
        return null;
    }

    return dll;
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "JobSwipe.InfraLint.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException($"JobSwipe.InfraLint.sln was not found above {AppContext.BaseDirectory}.");
}
