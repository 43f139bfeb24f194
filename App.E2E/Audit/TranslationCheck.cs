using System.Text.RegularExpressions;
using BlazorPartner.Features.Opportunities;
using Microsoft.Playwright;

namespace BlazorPartner.E2E.Audit;

/// <summary>
/// In 中文 no English may remain: visible text and the texts assistive technology reads (aria-label, title, placeholder,
/// alt…) are collected from the page, and any English word left after removing stored data and the allowed proper nouns is
/// reported.
/// </summary>
public static partial class TranslationCheck
{
    /// <summary>
    /// Proper nouns and international codes that stay as they are in Chinese: the product's brand, the "English" link of the
    /// language switch, Excel, ISO currency and time-zone abbreviations, file-size units (Chinese software writes "6.3 KB"
    /// too), file formats (营业执照（PDF、PNG 或 JPEG）), and the vendor's cloud service codes (product names).
    /// </summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "BlazorPartner", "English", "Excel", "CNY", "GMT", "UTC", "KB", "MB", "PDF", "PNG", "JPEG",
    };

    // Icon ligatures (Radzen's material icons render their name as text, e.g. "home") are pictures, not words. Attributes
    // inside aria-hidden subtrees are never read (Radzen's drop-downs keep their raw value, e.g. an id, on such an input).
    private const string CollectTexts = """
        () => {
          const out = [];
          const isIcon = el => el.closest('.rzi, .notranslate, .material-icons');
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest('script, style, template') || isIcon(parent) || !parent.checkVisibility()) continue;
            const text = node.textContent.trim();
            if (text) out.push({ where: 'text in <' + parent.tagName.toLowerCase() + (parent.className ? ' class="' + parent.className + '"' : '') + '>', text });
          }
          const attributes = ['aria-label', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];
          for (const el of document.querySelectorAll(attributes.map(a => '[' + a + ']').join(','))) {
            if (el.closest('[aria-hidden="true"]')) continue;
            for (const a of attributes) {
              const value = el.getAttribute(a);
              if (value && value.trim()) out.push({ where: '<' + el.tagName.toLowerCase() + ' ' + a + '>', text: value.trim() });
            }
          }
          out.push({ where: 'document title', text: document.title });
          return out;
        }
        """;

    /// <summary>Each text of the open page that still holds English, with where it was found and the words.</summary>
    public static async Task<IReadOnlyList<string>> EnglishLeftAsync(IPage page, string databasePath)
    {
        var texts = await page.EvaluateAsync<PageText[]>(CollectTexts);
        var data = StoredText.Read(databasePath);
        return texts
            .Select(t => (t.Where, t.Text, Words: EnglishWords(t.Text, data)))
            .Where(t => t.Words.Count > 0)
            .Select(t => $"- {t.Where}: \"{t.Text}\" → {string.Join(", ", t.Words)}")
            .Distinct()
            .ToList();
    }

    /// <summary>The English words of a text once stored data, e-mail addresses, codes and allowed proper nouns are taken out.</summary>
    public static IReadOnlyList<string> EnglishWords(string text, IReadOnlyList<string> storedValues)
    {
        foreach (var value in storedValues)
        {
            text = text.Replace(value, " ", StringComparison.Ordinal);
        }

        text = NotWords().Replace(text, " ");
        return Word().Matches(text).Select(m => m.Value)
            .Where(w => !AllowedWords.Contains(w) && !OpportunityCatalog.CloudServices.Contains(w))
            .Distinct()
            .ToList();
    }

    /// <summary>E-mail addresses, error codes (CBC.0100) and opportunity numbers (OPP-…): identifiers, not words.</summary>
    [GeneratedRegex(@"\S+@\S+|\bCBC\.\d+|\bOPP-[\w-]+")]
    private static partial Regex NotWords();

    /// <summary>Two or more Latin letters: single letters (masked names, "Partner A") carry no untranslated wording.</summary>
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Word();

    /// <summary>One text as the page script reports it (settable: Playwright deserializes with a parameterless constructor).</summary>
    public sealed class PageText
    {
        public string Where { get; set; } = "";

        public string Text { get; set; } = "";
    }
}
