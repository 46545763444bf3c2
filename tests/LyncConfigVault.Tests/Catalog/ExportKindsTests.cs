using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Tests.Catalog;

public sealed class ExportKindsTests
{
    [Fact]
    public void Every_export_kind_has_one_row_and_one_name()
    {
        Assert.Equal(Enum.GetValues<ExportKind>().Order(), ExportKinds.All.Select(e => e.Kind).Order());
        Assert.Equal(ExportKinds.All.Count, ExportKinds.All.Select(e => e.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("cms", "Cms")]
    [InlineData("topology", "Topology")]
    [InlineData("lis", "Lis")]
    [InlineData("rgs/pool01.contoso.com", "Rgs")]
    [InlineData("users/pool01.contoso.com", "UserData")]
    [InlineData("users/persistent-chat", "PersistentChat")]
    [InlineData("users/policy-assignments", "UserPolicies")]
    public void A_vault_part_belongs_to_the_export_that_replaces_it(string part, string kind) =>
        Assert.Equal(kind, ExportKinds.OwnerOf(part)?.Kind.ToString());

    [Theory]
    [InlineData("rgs")]
    [InlineData("users")]
    [InlineData("blobs")]
    [InlineData("cmsx")]
    public void A_folder_that_is_no_part_has_no_owner(string part) => Assert.Null(ExportKinds.OwnerOf(part));

    [Fact]
    public void Only_the_configuration_is_rebuilt_and_what_names_people_is_not()
    {
        // The import cmdlets that take a rebuilt file (FORMATS.md): user data, per-user assignments and chat are kept redacted.
        Assert.Equal(["cms", "topology", "rgs", "lis"], ExportKinds.All.Where(e => e.RestoredBy is not null).Select(e => e.Name));
        Assert.All(ExportKinds.All.Where(e => e.PersonalData), e => Assert.Null(e.RestoredBy));
        Assert.All(ExportKinds.All.Where(e => e.PersonalData), e => Assert.False(e.Default));
        Assert.Equal(["cms", "topology", "rgs", "lis", "users"], ExportKinds.Folders);
    }
}
