namespace BlazorPartner.Core.Privacy;

/// <summary>R4: sensitive values are masked in lists and exports by default.</summary>
public static class Masking
{
    public static string MaskName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        return name.Length == 1 ? "*" : name[0] + new string('*', Math.Min(name.Length - 1, 6));
    }

    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        if (phone.Length <= 7)
        {
            return new string('*', phone.Length);
        }

        return phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }
}
