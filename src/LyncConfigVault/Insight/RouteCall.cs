using LyncConfigVault.Model;

namespace LyncConfigVault.Insight;

/// <summary>One call lcv route places: what a user dials, under which dial plan and voice policy.</summary>
internal sealed record RouteCall(string Dialed, string DialPlan, string Policy)
{
    /// <summary>
    /// The calls to route: the numbers given, then the lines of <paramref name="numbersFile"/> (dialed string, dial plan,
    /// voice policy, separated by tabs; # starts a comment). A line without plan or policy takes <paramref name="dialPlan"/>
    /// and <paramref name="policy"/>.
    /// </summary>
    public static List<RouteCall> From(IEnumerable<string> dialed, string? numbersFile, string? dialPlan, string? policy)
    {
        var calls = new List<RouteCall>();
        RouteCall Call(string number, string? plan, string? voicePolicy, string where) =>
            new(number, plan ?? dialPlan ?? throw new LcvException($"{where}: no dial plan; give --dial-plan or a second column."),
                voicePolicy ?? policy ?? throw new LcvException($"{where}: no voice policy; give --policy or a third column."));
        foreach (var number in dialed)
        {
            calls.Add(Call(number, null, null, number));
        }

        if (numbersFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw LcvException.BadFile(file, "does not exist.");
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var columns = line.Split('\t').Select(c => c.Trim()).ToArray();
                if (columns.Length > 3 || columns[0].Length == 0)
                {
                    throw new LcvException($"{file} line {number}: expected a dialed string, then optionally a dial plan and a voice policy, separated by tabs; found {(columns[0].Length == 0 ? "no dialed string" : $"{columns.Length} columns")}.");
                }

                calls.Add(Call(columns[0], columns.Length > 1 && columns[1].Length > 0 ? columns[1] : null, columns.Length > 2 && columns[2].Length > 0 ? columns[2] : null, $"{file} line {number}"));
            }
        }

        return calls.Count > 0 ? calls : throw new LcvException("Give a number to route (or --numbers FILE), with --dial-plan and --policy.");
    }
}
