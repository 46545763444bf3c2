using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Users;

/// <summary>
/// Export-CsPersistentChatData (opt-in): its layout is not public and it holds message content, so it
/// is never normalized (FORMATS.md §6.3). The vault records that it was taken, its hash and size, and
/// its entries by hash: in clear, pseudonymized, or as counts only, by the vault's redaction level.
/// </summary>
internal sealed class PersistentChatNormalizer(LyncCatalog catalog, PersonalDataPolicy policy)
{
    public static readonly string Part = ExportKinds.Of(ExportKind.PersistentChat).Part;

    /// <summary>Known by the file name lcv gives it (the content has no documented mark).</summary>
    public static bool IsPersistentChat(ExportArchive archive) =>
        Path.GetFileName(archive.File).StartsWith("PersistentChatData", StringComparison.OrdinalIgnoreCase);

    public LyncObject Normalize(ExportArchive archive)
    {
        var records = archive.Records();
        var setting = new YMap()
            .Add("Entries", policy.Level == Redaction.Omit
                ? new YScalar(records.Count.ToString(CultureInfo.InvariantCulture))
                : new YSeq(records.Select(r => (YNode)new YMap()
                    .Add("Name", policy.Personal("entry", r.Name))
                    .Add("Size", r.Size.ToString(CultureInfo.InvariantCulture))
                    .Add("Sha256", r.Sha256)).OrderBy(m => ((YMap)m).Text("Name"), StringComparer.Ordinal)))
            .Add("Size", records.Sum(r => r.Size).ToString(CultureInfo.InvariantCulture))
            .Add("Redaction", policy.Level.ToString().ToLowerInvariant());
        var entry = catalog.Playing(ObjectRole.PersistentChatData);
        var noun = entry.Noun;
        var identity = LyncIdentity.Named("Global");
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, noun)
            .Add(noun, setting);
        return new LyncObject(noun, entry.Area, identity, $"{Part}/Global.yaml", content);
    }
}
