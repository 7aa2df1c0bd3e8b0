using System.Text;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>
/// Text staff and citizens read lives in content/ or in Razor views, never in C#: this fails when a string literal with
/// Vietnamese letters appears in a .cs file of src/ZaloBot.Web or src/ZaloBot.Dialogs (comments are fine; migrations
/// are generated; a regex names a non-ASCII letter as \uXXXX). Put the text in content/console.vi.yaml (or
/// tickets.vi.yaml) and read it through ConsoleTexts, or in content/bot-texts.vi.yaml and read it through BotTexts.
/// </summary>
public sealed class VietnameseLiteralTests
{
    [TestCase("ZaloBot.Web")]
    [TestCase("ZaloBot.Dialogs")]
    public void Project_HasNoVietnameseStringLiterals(string project)
    {
        var root = DeployFiles.PathOf("src", project);
        var found = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, "obj") && !IsUnder(f, "bin") && !IsUnder(f, "Migrations") && !IsUnder(f, "node_modules"))
            .SelectMany(f => StringLiterals(File.ReadAllText(f)).Where(HasVietnamese).Select(l => $"{Path.GetRelativePath(root, f)}: {l}"))
            .ToList();
        Assert.That(found, Is.Empty);
    }

    [TestCase("var a = \"Đã lưu\";", "Đã lưu")]
    [TestCase("var a = $\"Mã {x} đã có\"; // Ghi chú", "Mã {x} đã có")]
    [TestCase("var a = @\"x \"\"ừ\"\" y\";", "x \"ừ\" y")]
    [TestCase("var a = \"\"\"\n  Phường\n  \"\"\";", "\n  Phường\n  ")]
    public void StringLiterals_FindsRegularInterpolatedVerbatimAndRawLiterals(string code, string expected) =>
        Assert.That(StringLiterals(code), Is.EqualTo(new[] { expected }));

    [TestCase("// \"Đã lưu\"\nvar a = 1;")]
    [TestCase("/* \"Đã lưu\" */ var a = 'x';")]
    [TestCase("/// <summary>\"chưa được giải quyết\"</summary>")]
    public void StringLiterals_SkipsComments(string code) =>
        Assert.That(StringLiterals(code), Is.Empty);

    private static bool IsUnder(string path, string folder) =>
        path.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>Letters of Vietnamese beyond ASCII: Latin-1 and Latin Extended-A/B vowels with diacritics, đ/Đ, and the U+1EA0–U+1EF9 block.</summary>
    private static bool HasVietnamese(string text) =>
        text.Any(c => c is >= '\u00C0' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9');

    /// <summary>The contents of the C# string literals of <paramref name="code"/> (a small lexer: comments, char literals, "…", @"…", $"…", """…""").</summary>
    internal static IReadOnlyList<string> StringLiterals(string code)
    {
        var literals = new List<string>();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '/' && Next(code, i) == '/')
            {
                i = code.IndexOf('\n', i) is var end and >= 0 ? end : code.Length;
            }
            else if (c == '/' && Next(code, i) == '*')
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : code.Length;
            }
            else if (c == '\'')
            {
                i = SkipChar(code, i);
            }
            else if (c == '"' || ((c is '$' or '@') && StartsString(code, i)))
            {
                var verbatim = false;
                while (code[i] is '$' or '@')
                {
                    verbatim |= code[i] == '@';
                    i++;
                }

                var quotes = 0;
                while (i + quotes < code.Length && code[i + quotes] == '"')
                {
                    quotes++;
                }

                if (quotes >= 3)
                {
                    var close = new string('"', quotes);
                    var end = code.IndexOf(close, i + quotes, StringComparison.Ordinal);
                    end = end < 0 ? code.Length : end;
                    literals.Add(code[(i + quotes)..end]);
                    i = Math.Min(code.Length, end + quotes);
                }
                else if (quotes == 2 && !verbatim)
                {
                    literals.Add("");
                    i += 2;
                }
                else
                {
                    i = ReadQuoted(code, i + 1, verbatim, literals);
                }
            }
            else
            {
                i++;
            }
        }

        return literals;
    }

    private static char Next(string code, int i) => i + 1 < code.Length ? code[i + 1] : '\0';

    private static bool StartsString(string code, int i)
    {
        while (i < code.Length && code[i] is '$' or '@')
        {
            i++;
        }

        return i < code.Length && code[i] == '"';
    }

    private static int SkipChar(string code, int i)
    {
        i++;
        while (i < code.Length && code[i] != '\'')
        {
            i += code[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }

    private static int ReadQuoted(string code, int i, bool verbatim, List<string> literals)
    {
        var text = new StringBuilder();
        while (i < code.Length)
        {
            var c = code[i];
            if (verbatim && c == '"' && Next(code, i) == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"' || (!verbatim && c == '\n'))
            {
                i++;
                break;
            }
            else if (!verbatim && c == '\\')
            {
                text.Append(c).Append(Next(code, i));
                i += 2;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        literals.Add(text.ToString());
        return i;
    }
}
