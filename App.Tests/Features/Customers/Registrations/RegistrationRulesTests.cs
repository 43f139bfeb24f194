using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

public class RegistrationRulesTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_registration_is_pending_holds_the_code_and_is_audited(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var input = RegistrationTestKit.ValidInput(7);
        input.CreditCode = input.CreditCode!.ToLowerInvariant() + "  ";

        var id = await world.Registrations().RegisterAsync(world.Manager1A, input);

        var row = await world.LoadRegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Pending, row.Status);
        Assert.Equal(RegistrationTestKit.Code(7), row.CreditCode);
        Assert.Equal(row.CreditCode, row.HeldCreditCode);
        Assert.Equal(world.PartnerA, row.OrganizationId);
        Assert.Equal("Manager One", row.RegisteredByName);
        Assert.Equal(1, await world.AuditCountAsync(RegistrationAuditActions.Register));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_credit_code_checksum_is_checked_with_a_field_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountRegistrationRowsAsync();
        var valid = RegistrationTestKit.Code(8);
        var input = RegistrationTestKit.ValidInput(8);
        input.CreditCode = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Registrations().RegisterAsync(world.AdminA, input));

        Assert.Equal("Registration.CreditCodeInvalid", error.FieldErrors[nameof(RegisterCustomerInput.CreditCode)]);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_every_field_is_checked_at_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Registrations().RegisterAsync(world.AdminA, new RegisterCustomerInput
        {
            ContactPhone = "12ab",
            ContactEmail = "not-an-address",
            Region = "Mars",
        }));

        Assert.Equal("Validation.Required", error.FieldErrors[nameof(RegisterCustomerInput.CompanyName)]);
        Assert.Equal("Validation.Required", error.FieldErrors[nameof(RegisterCustomerInput.CreditCode)]);
        Assert.Equal("Validation.Required", error.FieldErrors[nameof(RegisterCustomerInput.ContactName)]);
        Assert.Equal("Validation.PhoneInvalid", error.FieldErrors[nameof(RegisterCustomerInput.ContactPhone)]);
        Assert.Equal("Registration.EmailInvalid", error.FieldErrors[nameof(RegisterCustomerInput.ContactEmail)]);
        Assert.Equal("Registration.UnknownOption", error.FieldErrors[nameof(RegisterCustomerInput.Region)]);
        Assert.Equal("Validation.Required", error.FieldErrors[nameof(RegisterCustomerInput.Industry)]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_at_most_100_registrations_pending_or_approved_per_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        // 99 open (pending or approved) plus closed ones, which do not count.
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            for (var i = 0; i < 103; i++)
            {
                var status = i < 60 ? RegistrationStatus.Pending : i < 99 ? RegistrationStatus.Approved : RegistrationStatus.Rejected;
                var code = RegistrationTestKit.Code(1000 + i);
                db.CustomerRegistrations.Add(new CustomerRegistration
                {
                    OrganizationId = world.PartnerA,
                    CompanyName = $"Prospect {i}",
                    CreditCode = code,
                    HeldCreditCode = CustomerRegistration.Holds(status) ? code : null,
                    Status = status,
                    RegisteredByUserId = world.AdminA.UserId,
                    RegisteredAtUtc = world.Clock.GetUtcNow().UtcDateTime,
                });
            }

            await db.SaveChangesAsync();
        }

        await world.RegisterAsync(world.AdminA, 1, "The hundredth");
        var before = await world.CountRegistrationRowsAsync();

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.RegisterAsync(world.Manager1A, 2, "One too many"));

        Assert.Equal(RegistrationErrorCodes.CapReached, refused.Code);
        Assert.Equal("Registration.CapReached", refused.ResourceKey);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        // Another partner's cap is its own.
        await world.RegisterAsync(world.AdminB, 3, "Partner B's prospect");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_refused_when_another_partner_holds_the_customer_without_naming_the_holder(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.RegisterAsync(world.AdminB, 42, "Held By B Co.");
        var before = await world.CountRegistrationRowsAsync();

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.RegisterAsync(world.AdminA, 42, "Held By B Co."));

        Assert.Equal(RegistrationErrorCodes.AlreadyHeld, refused.Code);
        Assert.Equal("Registration.AlreadyHeld", refused.ResourceKey);
        var shown = RegistrationTestKit.Describe(refused);
        Assert.DoesNotContain("Partner B", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Admin B", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Partner B", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_refused_when_the_vendor_or_an_associated_customer_holds_the_code(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var now = world.Clock.GetUtcNow().UtcDateTime;
            db.Customers.Add(CustomerFactory.Associated(world.VendorOrg, "Vendor Direct Co.", RegistrationTestKit.Code(50), AssociationMode.Consultative, null, now).Customer);
            db.Customers.Add(CustomerFactory.Associated(world.PartnerB, "B Customer Co.", RegistrationTestKit.Code(51), AssociationMode.Resale, null, now).Customer);
            var unbound = CustomerFactory.Associated(world.PartnerB, "Former B Customer Co.", RegistrationTestKit.Code(52), AssociationMode.Resale, null, now).Customer;
            unbound.Status = CustomerStatus.Unbound;
            db.Customers.Add(unbound);
            await db.SaveChangesAsync();
        }

        var byVendor = await Assert.ThrowsAsync<BusinessException>(() => world.RegisterAsync(world.AdminA, 50));
        var byPartner = await Assert.ThrowsAsync<BusinessException>(() => world.RegisterAsync(world.AdminA, 51));

        Assert.Equal("Registration.AlreadyHeld", byVendor.ResourceKey);
        Assert.Equal("Registration.AlreadyHeld", byPartner.ResourceKey);
        // One message whoever holds it: the text cannot tell the vendor from a partner, let alone name either.
        Assert.Equal(RegistrationTestKit.Describe(byVendor), RegistrationTestKit.Describe(byPartner));
        Assert.DoesNotContain("Partner B", RegistrationTestKit.Describe(byPartner), StringComparison.OrdinalIgnoreCase);
        // An unbound customer no longer holds the company.
        await world.RegisterAsync(world.AdminA, 52);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_the_partner_is_told_when_it_already_holds_the_customer_itself(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.RegisterAsync(world.Manager1A, 60);

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.RegisterAsync(world.Manager2A, 60));

        Assert.Equal("Registration.AlreadyYours", refused.ResourceKey);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_a_rejected_or_withdrawn_registration_releases_the_company(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rejected = await world.RegisterAsync(world.AdminB, 70);
        await world.Registrations().RejectAsync(world.Vendor, new RejectRegistrationInput(new RegistrationTarget(rejected)) { Reason = "Duplicate of a vendor account" });
        var withdrawn = await world.RegisterAsync(world.AdminB, 71);
        await world.Registrations().WithdrawAsync(world.AdminB, new RegistrationTarget(withdrawn));

        await world.RegisterAsync(world.AdminA, 70);
        await world.RegisterAsync(world.AdminA, 71);

        Assert.Null((await world.LoadRegistrationAsync(rejected)).HeldCreditCode);
        Assert.Equal(RegistrationStatus.Withdrawn, (await world.LoadRegistrationAsync(withdrawn)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_concurrent_registrations_of_one_company_exactly_one_wins(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var round = 0; round < 8; round++)
        {
            using var start = new ManualResetEventSlim(false);
            var number = 500 + round;
            var a = Task.Run(async () => { start.Wait(); await world.RegisterAsync(world.AdminA, number); });
            var b = Task.Run(async () => { start.Wait(); await world.RegisterAsync(world.AdminB, number); });
            var a2 = Task.Run(async () => { start.Wait(); await world.RegisterAsync(world.Manager1A, number); });
            start.Set();

            var outcomes = await Task.WhenAll(RegistrationTestKit.Outcome(a), RegistrationTestKit.Outcome(b), RegistrationTestKit.Outcome(a2));

            Assert.Single(outcomes, o => o is null);
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(RegistrationErrorCodes.AlreadyHeld, Assert.IsAssignableFrom<BusinessException>(o).Code));
        }

        Assert.Equal(8, await world.AuditCountAsync(RegistrationAuditActions.Register));
        Assert.Equal(8, (await world.CountRegistrationRowsAsync()).Registrations);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_only_partner_members_with_the_permission_register(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountRegistrationRowsAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.RegisterAsync(world.FinanceA));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.RegisterAsync(world.SupervisorA));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.RegisterAsync(world.Vendor));
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
    }
}
