using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Localization;
using Radzen.Blazor;

namespace BlazorPartner.Tests.Platform.Localization;

/// <summary>
/// en-US (SharedResource.resx) and zh-CN (SharedResource.zh-CN.resx) hold the same keys, none empty, with the same
/// placeholders; every value users can see of the listed enums and catalogs has its "{Name}.{Value}" text.
/// </summary>
public sealed partial class ResourceParityTests
{
    private static readonly ResourceManager Resources = new("BlazorPartner.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>
    /// Enums whose values the UI shows through the localizer as "{prefix}.{value}". Add an enum here when a page starts
    /// showing it; every value it has, now or later, then needs a text in both languages.
    /// </summary>
    public static readonly TheoryData<Type, string> DisplayedEnums = new()
    {
        { typeof(OpportunityStatus), nameof(OpportunityStatus) },
        { typeof(ProgressStage), nameof(ProgressStage) },
        { typeof(RejectionReason), nameof(RejectionReason) },
        { typeof(CalendarDayKind), nameof(CalendarDayKind) },
        { typeof(DayOfWeek), "Day" }, // the work calendar's weekday names
        { typeof(BlazorPartner.Features.Resellers.ResellerApplicationStatus), nameof(BlazorPartner.Features.Resellers.ResellerApplicationStatus) },
        { typeof(BlazorPartner.Features.Resellers.ResellerEventKind), nameof(BlazorPartner.Features.Resellers.ResellerEventKind) },
        { typeof(BlazorPartner.Features.Resellers.ResellerReviewLevel), nameof(BlazorPartner.Features.Resellers.ResellerReviewLevel) },
        { typeof(BlazorPartner.Features.ReviewInbox.ReviewItemKind), nameof(BlazorPartner.Features.ReviewInbox.ReviewItemKind) },
        { typeof(BlazorPartner.Features.Onboarding.Network.NetworkApplicationStatus), nameof(BlazorPartner.Features.Onboarding.Network.NetworkApplicationStatus) },
        { typeof(BlazorPartner.Features.Onboarding.Network.NetworkCheck), nameof(BlazorPartner.Features.Onboarding.Network.NetworkCheck) },
        { typeof(BlazorPartner.Features.Onboarding.Network.NetworkEventKind), nameof(BlazorPartner.Features.Onboarding.Network.NetworkEventKind) },
        { typeof(BlazorPartner.Features.Onboarding.Certification.CertificationStatus), nameof(BlazorPartner.Features.Onboarding.Certification.CertificationStatus) },
        { typeof(BlazorPartner.Features.Onboarding.Certification.CertificationEventKind), nameof(BlazorPartner.Features.Onboarding.Certification.CertificationEventKind) },
        { typeof(BlazorPartner.Features.ReviewInbox.TodoAssignment), nameof(BlazorPartner.Features.ReviewInbox.TodoAssignment) },
        { typeof(BlazorPartner.Features.Members.MemberLinkFailure), "Join.Failure" }, // the join page's reason a link cannot be used
    };

    /// <summary>The key prefix of each code list in <see cref="OpportunityCatalog"/> (shown as "Industry.Finance" etc.).</summary>
    private static readonly Dictionary<string, string> CatalogPrefixes = new()
    {
        [nameof(OpportunityCatalog.Industries)] = "Industry",
        [nameof(OpportunityCatalog.Regions)] = "Region",
        [nameof(OpportunityCatalog.CloudServices)] = "CloudService",
    };

    public static TheoryData<string> Cultures => new() { "en-US", "zh-CN" };

    [Fact]
    public void Every_English_key_has_a_Chinese_text_and_every_Chinese_key_an_English_one()
    {
        var english = Table(CultureInfo.InvariantCulture);
        var chinese = Table(CultureInfo.GetCultureInfo("zh-CN"));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(chinese.Keys).Order());
        Assert.Empty(chinese.Keys.Except(english.Keys).Order());
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void No_text_is_empty(string culture)
    {
        var table = Table(NeutralOrSpecific(culture));

        Assert.NotEmpty(table);
        Assert.Empty(table.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key).Order());
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var english = Table(CultureInfo.InvariantCulture);
        var chinese = Table(CultureInfo.GetCultureInfo("zh-CN"));

        var mismatched = english.Keys.Intersect(chinese.Keys)
            .Where(key => !Placeholders(english[key]).SetEquals(Placeholders(chinese[key])))
            .Order()
            .ToList();
        Assert.Empty(mismatched);
    }

    [Theory]
    [MemberData(nameof(DisplayedEnums))]
    public void Every_value_of_a_displayed_enum_has_a_text_in_both_languages(Type enumType, string prefix)
    {
        var keys = Enum.GetNames(enumType).Select(name => $"{prefix}.{name}").ToList();

        Assert.NotEmpty(keys);
        AssertTranslated(keys);
    }

    [Fact]
    public void Every_catalog_code_has_a_text_in_both_languages()
    {
        // Every public code list of the catalog, found by reflection, so a new list fails here until it has a prefix.
        var lists = typeof(OpportunityCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => typeof(IEnumerable<string>).IsAssignableFrom(field.FieldType))
            .ToList();
        Assert.NotEmpty(lists);

        var keys = new List<string>();
        foreach (var list in lists)
        {
            Assert.True(CatalogPrefixes.TryGetValue(list.Name, out var prefix), $"OpportunityCatalog.{list.Name} has no key prefix in this test.");
            var codes = (IEnumerable<string>)list.GetValue(null)!;
            keys.AddRange(codes.Select(code => $"{prefix}.{code}"));
        }

        AssertTranslated(keys);
    }

    [Fact]
    public void Radzen_texts_use_keys_Radzen_knows()
    {
        // A misspelt key would silently leave Radzen's English default on screen.
        var radzenKeys = typeof(RadzenStrings).GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => p.Name)
            .ToHashSet();
        var ours = Table(CultureInfo.InvariantCulture).Keys
            .Where(key => key.StartsWith(RadzenLocalizer.KeyPrefix, StringComparison.Ordinal))
            .Select(key => key[RadzenLocalizer.KeyPrefix.Length..])
            .ToList();

        Assert.NotEmpty(ours);
        Assert.Empty(ours.Where(key => !radzenKeys.Contains(key)).Order());
    }

    [Fact]
    public void Radzen_asks_the_app_for_its_texts_in_the_requested_language()
    {
        var localizer = new RadzenLocalizer();

        Assert.Equal(
            Resources.GetString("Radzen.Pager_PageSizeText", CultureInfo.GetCultureInfo("zh-CN")),
            localizer.Get("Pager_PageSizeText", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.NotEqual(
            localizer.Get("Pager_PageSizeText", CultureInfo.GetCultureInfo("en-US")),
            localizer.Get("Pager_PageSizeText", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Null(localizer.Get("No_such_key", CultureInfo.GetCultureInfo("zh-CN")));
    }

    private static void AssertTranslated(IReadOnlyCollection<string> keys)
    {
        var english = Table(CultureInfo.InvariantCulture);
        var chinese = Table(CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Empty(keys.Where(key => !english.ContainsKey(key)).Select(key => $"en-US lacks {key}"));
        Assert.Empty(keys.Where(key => !chinese.ContainsKey(key)).Select(key => $"zh-CN lacks {key}"));
    }

    private static CultureInfo NeutralOrSpecific(string culture) =>
        culture == "en-US" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);

    /// <summary>The entries of exactly one resource file (no fallback to the parent culture).</summary>
    private static Dictionary<string, string> Table(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No SharedResource table for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "");
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
