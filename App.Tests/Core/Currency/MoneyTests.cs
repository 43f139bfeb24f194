using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Errors;

namespace BlazorPartner.Tests.Core.Currency;

public class MoneyTests
{
    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("123456.78", 12345678)]
    [InlineData("10000000000", 1000000000000)]
    public void Yuan_with_at_most_two_decimals_becomes_integer_fen(string text, long fen)
    {
        var yuan = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new Money(fen), Money.FromYuan(yuan, "Amount"));
        Assert.Equal(yuan, Money.FromFen(fen).Yuan);
    }

    [Theory]
    [InlineData("1.234", MoneyRule.Positive, "Money.TooManyDecimals")]
    [InlineData("0", MoneyRule.Positive, "Money.MustBePositive")]
    [InlineData("-0.01", MoneyRule.Positive, "Money.MustBePositive")]
    [InlineData("-0.01", MoneyRule.NotNegative, "Money.MustNotBeNegative")]
    [InlineData("10000000000.01", MoneyRule.Positive, "Money.TooLarge")]
    public void Parsing_refuses_with_a_coded_field_error(string text, MoneyRule rule, string key)
    {
        var yuan = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<ValidationException>(() => Money.FromYuan(yuan, "Amount", rule));

        Assert.Equal(ErrorCodes.ParameterError, error.Code);
        Assert.Equal(key, error.FieldErrors["Amount"]);
    }

    [Fact]
    public void A_missing_amount_is_required_and_zero_is_allowed_where_the_rule_says_so()
    {
        Assert.Equal("Money.Required", Assert.Throws<ValidationException>(() => Money.FromYuan(null, "Amount")).FieldErrors["Amount"]);
        Assert.Equal(Money.Zero, Money.FromYuan(0m, "Amount", MoneyRule.NotNegative));
    }

    [Fact]
    public void Arithmetic_and_comparison_stay_in_fen_and_overflow_throws()
    {
        var a = Money.FromFen(150);
        var b = Money.FromFen(99);

        Assert.Equal(Money.FromFen(249), a + b);
        Assert.Equal(Money.FromFen(51), a - b);
        Assert.True(a > b);
        Assert.Equal("¥1.50", a.ToString());
        Assert.Equal("-¥0.51", (b - a).ToString());
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));
    }
}
