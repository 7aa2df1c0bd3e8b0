using ZaloBot.Benchmarks;

// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- understanding [--variants] [--full] [--eval FILE] [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- eval FILE [--json OUT] [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- compare FILE [--content DIR]
// dotnet run -c Release --project tests/ZaloBot.Benchmarks -- explain "MESSAGE" [--content DIR]
var command = args.Length > 0 ? args[0] : "understanding";
string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

var content = ContentDirectory.Find(Option("--content"));
return command switch
{
    "understanding" => UnderstandingBenchmark.Run(content, full: args.Contains("--full"), variants: args.Contains("--variants"), Option("--eval"), Console.Out),
    "eval" when args.Length > 1 => EvalRunner.Run(content, args[1], Option("--json"), Console.Out),
    "compare" when args.Length > 1 => TechniqueComparison.Run(content, args[1], Console.Out),
    "explain" when args.Length > 1 => Explain.Run(content, args[1], Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: understanding [--variants] [--full] [--eval FILE] [--content DIR] | eval FILE [--json OUT] [--content DIR] | compare FILE [--content DIR] | explain MESSAGE [--content DIR]");
    return 2;
}
