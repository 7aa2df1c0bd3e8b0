using ZaloBot.Benchmarks;

// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- understanding [--variants] [--full] [--eval FILE] [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- eval FILE [--json OUT] [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- compare FILE [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- explain "MESSAGE" [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- kfold [K] [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- neardup FILE [--threshold T] [--list] [--content DIR]
var command = args.Length > 0 ? args[0] : "understanding";
string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

var content = ContentDirectory.Find(Option("--content"));
return command switch
{
    "understanding" => UnderstandingBenchmark.Run(content, full: args.Contains("--full"), variants: args.Contains("--variants"), Option("--eval"), args, Console.Out),
    "eval" when args.Length > 1 => EvalRunner.Run(content, args[1], Option("--json"), args, Console.Out),
    "compare" when args.Length > 1 => TechniqueComparison.Run(content, args[1], Console.Out),
    "kfold" => KFoldRunner.Run(content, args.Length > 1 && int.TryParse(args[1], out var k) ? k : 5, args, Console.Out),
    "neardup" when args.Length > 1 => NearDuplicateRunner.Run(
        content, args[1], double.Parse(Option("--threshold") ?? "0.8", System.Globalization.CultureInfo.InvariantCulture), args.Contains("--list"), Console.Out),
    "explain" when args.Length > 1 => Explain.Run(content, args[1], Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: understanding [--variants] [--full] [--eval FILE] [--content DIR] | eval FILE [--json OUT] [--content DIR] | compare FILE [--content DIR] | explain MESSAGE [--content DIR] | kfold [K] | neardup FILE [--threshold T] [--list]");
    return 2;
}
