using BlazorPartner.Core.Validation;
using Microsoft.AspNetCore.Http;

namespace BlazorPartner.Platform.Uploads;

/// <summary>One uploaded file as a form received it. <see cref="Content"/> is null when it was too large to read.</summary>
public sealed record DocumentUpload(string FileName, long Length, byte[]? Content);

/// <summary>A file that passed <see cref="DocumentUploads.Check"/>: its type is known from its content, not from its name.</summary>
public sealed record CheckedDocument(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The documents applicants and partners upload (business licences, bank letters): PDF, PNG or JPEG by their first bytes,
/// at most 5 MB each, a few per submission. Every slice that takes documents checks them here, so the same file gets the
/// same answer everywhere.
/// </summary>
public static class DocumentUploads
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileName = 200;

    public static readonly IReadOnlyList<string> AllowedExtensions = [".pdf", ".png", ".jpg", ".jpeg"];

    public static string Accept => string.Join(',', AllowedExtensions);

    /// <summary>
    /// The content type from the file's first bytes, or null: the browser's claimed type and the name alone are not trusted,
    /// so a script renamed to .pdf is refused.
    /// </summary>
    public static string? SniffContentType(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith("%PDF-"u8) && extension == ".pdf")
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && extension == ".png")
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) && extension is ".jpg" or ".jpeg")
        {
            return "image/jpeg";
        }

        return null;
    }

    /// <summary>
    /// Checks the uploads of one field: count, size, name and type. The first problem becomes the field's message and the
    /// checked files are returned (empty when nothing was uploaded).
    /// </summary>
    public static IReadOnlyList<CheckedDocument> Check(InputErrors errors, string field, IReadOnlyList<DocumentUpload> uploads, int maxFiles, string? requiredKey)
    {
        var present = uploads.Where(u => u.Length > 0 || u.FileName.Length > 0).ToList();
        var files = new List<CheckedDocument>();
        if (present.Count == 0)
        {
            if (requiredKey is not null)
            {
                errors.Add(field, requiredKey);
            }

            return files;
        }

        if (present.Count > maxFiles)
        {
            errors.Add(field, "Upload.TooManyFiles", maxFiles);
            return files;
        }

        foreach (var upload in present)
        {
            var name = Path.GetFileName(upload.FileName.Replace('\\', '/')).Trim();
            if (upload.Content is null || upload.Length > MaxBytes || upload.Content.Length > MaxBytes)
            {
                errors.Add(field, "Upload.FileTooLarge", name, MaxBytes / 1024 / 1024);
                return [];
            }

            if (upload.Content.Length == 0)
            {
                errors.Add(field, "Upload.FileEmpty", name);
                return [];
            }

            if (name.Length is 0 or > MaxFileName || InputErrors.HasHiddenCharacters(name))
            {
                errors.Add(field, "Upload.FileNameInvalid");
                return [];
            }

            if (SniffContentType(upload.Content, name) is not { } type)
            {
                errors.Add(field, "Upload.FileType", name);
                return [];
            }

            files.Add(new CheckedDocument(name, type, upload.Content));
        }

        return files;
    }

    /// <summary>
    /// The files posted under <paramref name="field"/>, each read only up to one byte past the limit: an oversized file is
    /// reported (as too large) without holding all of it in memory.
    /// </summary>
    public static async Task<IReadOnlyList<DocumentUpload>> ReadAsync(HttpRequest request, string field, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return [];
        }

        var uploads = new List<DocumentUpload>();
        foreach (var file in (await request.ReadFormAsync(ct)).Files.GetFiles(field))
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue;
            }

            if (file.Length > MaxBytes)
            {
                uploads.Add(new DocumentUpload(file.FileName, file.Length, null));
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new DocumentUpload(file.FileName, file.Length, buffer.ToArray()));
        }

        return uploads;
    }
}
