using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Users;
using LyncConfigVault.Simulation;
using LyncConfigVault.Simulation.Users;
using LyncConfigVault.Tests.Diff;

namespace LyncConfigVault.Tests.Users;

public sealed class UserDataTests
{
    private const string Pool = "dubpool01.fabrikam.com";
    private static readonly DateTimeOffset ExportTime = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a fixed test key of 32 bytes ...");

    private static SyntheticUsers Users() => new SyntheticUsers(Pool, "fabrikam.com", 12, new Random(8)).Populate();

    private static Snapshot Snapshot(byte[] archive, Redaction level, byte[]? key = null)
    {
        var policy = new PersonalDataPolicy(level, key ?? Key);
        var result = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone, policy)
            .Normalize(ExportArchive.FromBytes($"UserData-{Pool}.zip", archive, ArchiveLimits.Default), ExportTime);
        return new Snapshot(result.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [result.Record], result.Parts);
    }

    private static string AllText(Snapshot snapshot) => string.Concat(snapshot.Objects.Values.Select(o => YamlText.Write(o.Content)));

    [Fact]
    public void In_clear_each_user_has_a_file_with_readable_contacts_and_groups()
    {
        var users = Users();

        var snapshot = Snapshot(users.Archive(ExportTime, shuffle: false), Redaction.None);

        Assert.Equal(ExportKind.UserData, Assert.Single(snapshot.Exports).Kind);
        Assert.Equal([$"users/{Pool}"], snapshot.Parts);
        var user = snapshot.Objects[$"users/{Pool}/{users.Address(0)}.yaml"].Content;
        var setting = (YMap)user["User"]!;
        Assert.Equal("Helpdesk", ((YMap)((YSeq)setting["ContactGroups"]!).Items[1]).Text("DisplayName"));
        var contact = (YMap)((YSeq)setting["Contacts"]!).Items[0];
        Assert.Equal(SyntheticUsers.DisplayName(contact.Text("Buddy")!.Replace("sip:", "")), contact.Text("DisplayName"));
    }

    [Fact]
    public void Pseudonymized_files_hold_no_address_or_name_and_the_same_person_gets_the_same_pseudonym()
    {
        var users = Users();
        var archive = users.Archive(ExportTime, shuffle: false);

        var first = Snapshot(archive, Redaction.Pseudonymize);
        var second = Snapshot(users.Archive(ExportTime, shuffle: true), Redaction.Pseudonymize);

        var text = AllText(first);
        Assert.DoesNotContain("fabrikam.com@", text);
        Assert.DoesNotContain(users.Address(0), text);
        Assert.DoesNotContain("Helpdesk", text);
        Assert.DoesNotContain(SyntheticUsers.DisplayName(users.Address(1)), text);
        Assert.Equal(13, first.Objects.Count);   // 12 users and the pool's summary
        Assert.True(DiffTestData.Compare(first, second).IsEmpty);
    }

    [Fact]
    public void Another_vault_key_gives_other_pseudonyms()
    {
        var archive = Users().Archive(ExportTime, shuffle: false);

        var mine = Snapshot(archive, Redaction.Pseudonymize).Objects.Keys;
        var theirs = Snapshot(archive, Redaction.Pseudonymize, Encoding.UTF8.GetBytes("another key, another set of names")).Objects.Keys;

        Assert.Single(mine.Intersect(theirs));   // only summary.yaml
    }

    [Fact]
    public void A_contact_added_shows_as_one_change_of_that_user_even_pseudonymized()
    {
        var users = Users();
        var before = Snapshot(users.Archive(ExportTime, shuffle: false), Redaction.Pseudonymize);
        var changed = users.Change(3);

        var change = Assert.Single(DiffTestData.Compare(before, Snapshot(users.Archive(ExportTime, shuffle: true), Redaction.Pseudonymize)).Changes);

        Assert.Equal(new PersonalDataPolicy(Redaction.Pseudonymize, Key).Pseudonym("user", "sip:" + changed), change.Identity);
        Assert.StartsWith("Contacts[Buddy=user-", Assert.Single(change.Properties).Path);
    }

    [Fact]
    public void Omit_keeps_counts_only()
    {
        var users = Users();
        var before = Snapshot(users.Archive(ExportTime, shuffle: false), Redaction.Omit);
        users.Change(5);   // someone blocked

        var after = Snapshot(users.Archive(ExportTime, shuffle: false), Redaction.Omit);

        var summary = Assert.Single(before.Objects.Values);
        Assert.Equal("12", ((YMap)((YMap)summary.Content["Summary"]!)["Counts"]!).Text("Users"));
        Assert.DoesNotContain("user-", AllText(before));
        var change = Assert.Single(DiffTestData.Compare(before, after).Changes);
        Assert.Equal("Counts.PrivacyMembers", Assert.Single(change.Properties).Path);
    }

    [Theory]
    [InlineData("UserData-dubpool01.fabrikam.com.zip", "dubpool01.fabrikam.com")]
    [InlineData("users_pool-02.contoso.com.zip", "pool-02.contoso.com")]
    [InlineData("sfb-pool01.contoso.com.zip", "sfb-pool01.contoso.com")]
    [InlineData("ExportedUserData.zip", null)]
    public void The_pool_comes_from_the_file_name_the_collector_gives(string file, string? pool) =>
        Assert.Equal(pool, UserDataNormalizer.PoolFromFileName(file));

    [Fact]
    public void The_redaction_level_is_read_from_the_vault_settings_and_a_wrong_one_is_named()
    {
        using var fixture = new VaultFixture(nights: 1);
        var config = Path.Combine(fixture.Vault, ".lcv", "config.yaml");
        File.AppendAllText(config, "users:\n  redaction: hide\n");

        var error = Assert.Throws<LcvException>(() => LyncConfigVault.Vault.VaultConfig.Read(config));

        Assert.Contains("'users.redaction' must be none, pseudonymize or omit, not 'hide'", error.Message);
    }
}
