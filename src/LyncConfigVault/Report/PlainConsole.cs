using Spectre.Console;

namespace LyncConfigVault.Report;

/// <summary>A console over a file or a mail body: no colour, no wrapping, nothing interactive.</summary>
internal static class PlainConsole
{
    public static IAnsiConsole Over(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        console.Profile.Width = 4096;
        return console;
    }
}
