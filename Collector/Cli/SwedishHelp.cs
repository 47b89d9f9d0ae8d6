using System.CommandLine;
using System.CommandLine.Invocation;

namespace Sourcing.Collector.Cli;

/// <summary>System.CommandLine's help in Swedish: the library ships no Swedish resources and its HelpBuilder is internal in 2.0, so this action writes the same sections with Swedish headings.</summary>
internal static class SwedishHelp
{
    /// <summary>The action of --help / -h: writes the help of the command it was given on and exits 0.</summary>
    public sealed class Action : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return 0;
        }
    }

    public static void Write(Command command, TextWriter output)
    {
        var sections = new List<string>();
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            sections.Add("Beskrivning:\n  " + command.Description);
        }

        sections.Add("Användning:\n  " + UsageLine(command));
        sections.Add(Section("Argument:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", a.Description ?? ""))));
        sections.Add(Section("Flaggor:", VisibleOptions(command).Select(o => (
            string.Join(", ", o.Aliases.Order(StringComparer.Ordinal).Append(o.Name)) + (o.Arity.MaximumNumberOfValues == 0 ? "" : $" <{o.HelpName ?? "värde"}>"),
            o.Description ?? ""))));
        sections.Add(Section("Kommandon:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? ""))));
        output.WriteLine(string.Join("\n\n", sections.Where(s => s.Length > 0)));
    }

    private static string Section(string title, IEnumerable<(string Name, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return "";
        }

        var width = list.Max(r => r.Name.Length) + 2;
        return title + "\n" + string.Join("\n", list.Select(r => "  " + r.Name.PadRight(width) + r.Text));
    }

    /// <summary>"sourcing import systems &lt;FILE&gt; [flaggor]".</summary>
    public static string UsageLine(Command command)
    {
        var parts = new List<string> { CommandPath(command) };
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues > 0 ? $"<{a.Name}>" : $"[<{a.Name}>]"));
        if (command.Subcommands.Count > 0)
        {
            parts.Add("<kommando>");
        }

        if (VisibleOptions(command).Any())
        {
            parts.Add("[flaggor]");
        }

        return string.Join(' ', parts);
    }

    /// <summary>"sourcing source add vsphere".</summary>
    public static string CommandPath(Command command)
    {
        var words = new List<string>();
        for (Symbol? symbol = command; symbol is Command c && symbol is not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            words.Insert(0, c.Name);
        }

        words.Insert(0, "sourcing");
        return string.Join(' ', words);
    }

    private static IEnumerable<Option> VisibleOptions(Command command)
    {
        var own = command.Options.Where(o => !o.Hidden);
        var inherited = command.Parents.OfType<Command>().SelectMany(Ancestors).SelectMany(c => c.Options).Where(o => o.Recursive && !o.Hidden);
        return own.Concat(inherited).Distinct();
    }

    private static IEnumerable<Command> Ancestors(Command command) =>
        command.Parents.OfType<Command>().SelectMany(Ancestors).Prepend(command);
}
