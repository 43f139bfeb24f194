using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Opportunities;

/// <summary>Bad input is refused field by field with a specific message and stores nothing.</summary>
public class OpportunityInputTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    public static TheoryData<string, string, string> BadShareFields => new()
    {
        { nameof(ShareOpportunityInput.CustomerName), new string('x', OpportunitySharing.MaxCustomerNameLength + 1), "Validation.TooLong" },
        { nameof(ShareOpportunityInput.CustomerName), "Acme\u202Eoc.lacigol", "Validation.InvalidCharacters" },
        { nameof(ShareOpportunityInput.ContactName), "Ma\u2067Jun", "Validation.InvalidCharacters" },
        { nameof(ShareOpportunityInput.ContactPhone), "-----------", "Validation.PhoneInvalid" },
        { nameof(ShareOpportunityInput.ContactPhone), "+86 12", "Validation.PhoneInvalid" },
        { nameof(ShareOpportunityInput.ContactPhone), "138-1234-5678+", "Validation.PhoneInvalid" },
        { nameof(ShareOpportunityInput.Description), new string('d', OpportunitySharing.MaxDescriptionLength + 1), "Validation.TooLong" },
    };

    [Theory, MemberData(nameof(BadShareFields))]
    public async Task Sharing_refuses_a_bad_field_with_its_own_message_and_stores_nothing(string field, string value, string expectedKey)
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var input = world.ValidShare(world.PartnerA);
        typeof(ShareOpportunityInput).GetProperty(field)!.SetValue(input, value);
        var before = await world.CountRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Sharing.ShareAsync(world.Vendor, input));

        Assert.Equal(ErrorCodes.ParameterError, error.Code);
        Assert.Equal(expectedKey, Assert.Single(error.FieldErrors).Value);
        Assert.Equal(field, Assert.Single(error.FieldErrors).Key);
        Assert.Equal(before, await world.CountRowsAsync());
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2026-11-15")]
    public async Task Sharing_refuses_a_close_date_in_the_past_or_beyond_five_years(string date)
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var input = world.ValidShare(world.PartnerA);
        input.ExpectedCloseDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Sharing.ShareAsync(world.Vendor, input));

        Assert.Equal("Validation.DateOutOfRange", error.FieldErrors[nameof(input.ExpectedCloseDate)]);
    }

    [Theory]
    [InlineData("0", "Money.MustBePositive")]
    [InlineData("-5", "Money.MustBePositive")]
    [InlineData("0.001", "Money.TooManyDecimals")]
    [InlineData("20000000000", "Money.TooLarge")]
    public async Task Sharing_refuses_an_amount_that_is_not_a_positive_CNY_amount(string yuan, string expectedKey)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var input = world.ValidShare(world.PartnerA, amount: amount);

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Sharing.ShareAsync(world.Vendor, input));

        Assert.Equal(expectedKey, error.FieldErrors[nameof(input.EstimatedAmount)]);
    }

    [Fact]
    public async Task R9_a_rejection_note_that_is_too_long_says_so_instead_of_required()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var id = await world.ShareAsync();
        var before = await world.CountRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            world.Workflow.RejectAsync(world.AdminA, id, RejectionReason.Other, new string('n', OpportunityWorkflow.MaxNoteLength + 1)));

        Assert.Equal("Validation.TooLong", error.FieldErrors[nameof(RejectOpportunityInput.Note)]);
        Assert.Equal([OpportunityWorkflow.MaxNoteLength], error.Messages[nameof(RejectOpportunityInput.Note)].Arguments);
        Assert.Equal(before, await world.CountRowsAsync());
    }

    [Fact]
    public async Task R3_assigning_without_choosing_a_manager_is_a_field_error_on_the_assign_field()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var id = await world.ShareAsync();
        var before = await world.CountRowsAsync();

        var missing = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.AssignAsync(world.AdminA, id, " "));
        var stranger = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.AssignAsync(world.AdminA, id, world.AdminB.UserId));

        Assert.Equal("Opportunity.AssigneeRequired", missing.FieldErrors[nameof(AssignOpportunityInput.AssignedTo)]);
        Assert.Equal("Opportunity.AssigneeInvalid", stranger.FieldErrors[nameof(AssignOpportunityInput.AssignedTo)]);
        Assert.Null((await world.LoadAsync(id)).AssignedToUserId);
        Assert.Equal(before, await world.CountRowsAsync());
    }
}
