using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Vouchers;

public class VoucherIssuingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_issue_creates_one_voucher_per_customer_charges_the_quota_and_logs_each(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 10_000m);
        var customers = await w.CustomersAsync(w.World.PartnerA, 3);

        var result = await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 1_000.50m, [.. customers]));

        Assert.Equal(3, result.Count);
        Assert.Equal(300_150, result.TotalFen);
        var q = await w.QuotaAsync(quota);
        Assert.Equal(1_000_000 - 300_150, q.RemainingFen);
        Assert.Equal(300_150, q.IssuedFen);
        var vouchers = await w.VouchersOfIssueAsync(result.IssueId);
        Assert.Equal(customers.Order(), vouchers.Select(v => v.CustomerId).Order());
        Assert.All(vouchers, v => Assert.Equal((VoucherStatus.Usable, 100_050L, 100_050L, "Q4 campaign"), (v.Status, v.FaceValueFen, v.BalanceFen, v.Remark)));
        Assert.Equal(3, await w.LogCountAsync(VoucherOperationKind.Issue));
        Assert.Equal(1, await w.World.AuditCountAsync(result.IssueId, VoucherAuditActions.Issue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.005)]
    public async Task R27_face_value_must_be_positive_with_at_most_two_decimals(decimal faceValue)
    {
        await using var w = await VoucherWorld.CreateAsync(DatabaseProvider.Sqlite);
        var quota = await w.GrantAsync(w.World.PartnerA, 10_000m);
        var customer = await w.CustomerAsync(w.World.PartnerA);
        var before = await w.CountRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, faceValue, customer)));

        Assert.Equal(ErrorCodes.ParameterError, error.Code);
        Assert.True(error.FieldErrors.ContainsKey("FaceValue"));
        Assert.Equal(before, await w.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_one_to_ten_distinct_customers_per_issue(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 100_000m);
        var eleven = await w.CustomersAsync(w.World.PartnerA, 11);

        var none = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m)));
        var tooMany = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, [.. eleven])));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, eleven[0], eleven[0])));
        var ten = await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, [.. eleven.Take(10)]));

        Assert.Equal("Voucher.CustomersRequired", none.FieldErrors["CustomerIds"]);
        Assert.Equal("Voucher.TooManyCustomers", tooMany.FieldErrors["CustomerIds"]);
        Assert.Equal("Voucher.DuplicateCustomers", twice.FieldErrors["CustomerIds"]);
        Assert.Equal(10, ten.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_validity_must_lie_within_the_quotas(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m, to: new DateOnly(2026, 12, 31));
        var customer = await w.CustomerAsync(w.World.PartnerA);
        var input = VoucherWorld.Issue(quota, 10m, customer);
        input.ValidTo = new DateOnly(2027, 1, 1);
        var before = await w.CountRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, input));
        input.ValidTo = new DateOnly(2026, 12, 31);
        await w.Issuing.IssueAsync(w.World.AdminA, input);

        Assert.Equal("Voucher.ValidityOutsideQuota", error.FieldErrors["ValidTo"]);
        Assert.Equal(before.Vouchers + 1, (await w.CountRowsAsync()).Vouchers);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_scope_must_lie_inside_the_quotas(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m); // Compute, Storage, RDS
        var customer = await w.CustomerAsync(w.World.PartnerA);
        var outsideType = VoucherWorld.Issue(quota, 10m, customer);
        outsideType.ServiceTypes = ["Network"];
        var outsideProduct = VoucherWorld.Issue(quota, 10m, customer);
        outsideProduct.Products = ["DCS"];
        var empty = VoucherWorld.Issue(quota, 10m, customer);
        empty.ServiceTypes = [];
        empty.Products = [];

        foreach (var input in new[] { outsideType, outsideProduct })
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, input));
            Assert.Equal("Voucher.ScopeOutsideQuota", error.FieldErrors["ServiceTypes"]);
        }

        var none = await Assert.ThrowsAsync<ValidationException>(() => w.Issuing.IssueAsync(w.World.AdminA, empty));
        Assert.Equal("Voucher.ScopeRequired", none.FieldErrors["ServiceTypes"]);
        Assert.Equal(0, (await w.CountRowsAsync()).Vouchers);
    }

    [Fact]
    public void R27_scope_is_limited_to_ten_service_types_and_ten_products()
    {
        var errors = new BlazorPartner.Core.Validation.InputErrors();
        VoucherScope.Validate(errors, Enumerable.Range(0, 11).Select(i => VoucherCatalog.ServiceTypes[i % 5] + (i < 5 ? "" : i.ToString())), [], limit: true);
        Assert.True(errors.Has("ServiceTypes"));

        var ok = new BlazorPartner.Core.Validation.InputErrors();
        VoucherScope.Validate(ok, VoucherCatalog.ServiceTypes, VoucherCatalog.Products, limit: true);
        Assert.False(ok.Any);
        Assert.True(VoucherCatalog.Products.Count == VoucherCatalog.MaxProducts, "the catalog's 10 products fit one voucher");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_face_value_times_customers_must_fit_the_quota_and_a_refusal_stores_nothing(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 299.99m);
        var customers = await w.CustomersAsync(w.World.PartnerA, 3);
        var before = await w.CountRowsAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 100m, [.. customers])));

        Assert.Equal(VoucherErrors.QuotaInsufficient, error.Code);
        Assert.Equal(before, await w.CountRowsAsync());
        Assert.Equal(29_999, (await w.QuotaAsync(quota)).RemainingFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_a_missing_or_expired_quota_is_CBC_99000012(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m, to: new DateOnly(2026, 11, 20));
        var customer = await w.CustomerAsync(w.World.PartnerA);

        var missing = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(Guid.NewGuid(), 10m, customer)));
        w.Clock.Advance(TimeSpan.FromDays(5)); // 21 Nov: the quota ended with 20 Nov
        var input = VoucherWorld.Issue(quota, 10m, customer);
        input.ValidFrom = new DateOnly(2026, 11, 21);
        input.ValidTo = new DateOnly(2026, 11, 21);
        var expired = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminA, input));

        Assert.Equal(VoucherErrors.QuotaUnavailable, missing.Code);
        Assert.Equal(VoucherErrors.QuotaUnavailable, expired.Code);
        Assert.Equal(0, (await w.CountRowsAsync()).Vouchers);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_a_customer_not_associated_with_the_partner_is_CBC_99000035(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var own = await w.CustomerAsync(w.World.PartnerA);
        var othersCustomer = await w.CustomerAsync(w.World.PartnerB);
        var before = await w.CountRowsAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, own, othersCustomer)));

        Assert.Equal(VoucherErrors.NotPartnersCustomer, error.Code);
        Assert.Equal(before, await w.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R30_invoice_to_user_cash_coupon_cannot_go_to_a_resale_customer(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m, VoucherKind.CashCoupon, invoiceToUser: true);
        var consultative = await w.CustomerAsync(w.World.PartnerA, AssociationMode.Consultative);
        var resale = await w.CustomerAsync(w.World.PartnerA, AssociationMode.Resale);
        var before = await w.CountRowsAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, consultative, resale)));
        Assert.Equal(ErrorCodes.IllegalOperation, error.Code);
        Assert.Equal("Voucher.InvoiceToUserNotResale", error.ResourceKey);
        Assert.Equal(before, await w.CountRowsAsync());

        var ok = await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, consultative));
        Assert.Equal(1, ok.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R30_invoice_to_user_cash_coupon_cannot_go_to_a_customer_of_another_contracting_entity(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m, VoucherKind.CashCoupon, invoiceToUser: true);
        var hongKong = await w.CustomerAsync(w.World.PartnerA, AssociationMode.Consultative, ContractingEntity.HongKong);

        var error = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, hongKong)));

        Assert.Equal("Voucher.InvoiceToUserEntityDiffers", error.ResourceKey);
        Assert.Equal(0, (await w.CountRowsAsync()).Vouchers);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R30_a_cash_coupon_without_the_invoice_flag_may_go_to_resale_customers(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m, VoucherKind.CashCoupon, invoiceToUser: false);
        var resale = await w.CustomerAsync(w.World.PartnerA, AssociationMode.Resale, ContractingEntity.HongKong);

        var result = await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 10m, resale));

        Assert.Equal(VoucherKind.CashCoupon, (await w.VouchersOfIssueAsync(result.IssueId)).Single().Kind);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_the_same_idempotency_key_issues_once(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var customers = await w.CustomersAsync(w.World.PartnerA, 2);
        var input = VoucherWorld.Issue(quota, 100m, [.. customers]);

        var first = await w.Issuing.IssueAsync(w.World.AdminA, input);
        var again = await w.Issuing.IssueAsync(w.World.AdminA, input);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => w.Issuing.IssueAsync(w.World.AdminA, input))));

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.All(parallel, p => Assert.Equal(first.IssueId, p.IssueId));
        Assert.Equal(2, (await w.CountRowsAsync()).Vouchers);
        Assert.Equal(80_000, (await w.QuotaAsync(quota)).RemainingFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_parallel_same_key_double_click_creates_one_set(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var customers = await w.CustomersAsync(w.World.PartnerA, 3);
        var input = VoucherWorld.Issue(quota, 10m, [.. customers]);
        using var start = new ManualResetEventSlim(false);

        var clicks = Enumerable.Range(0, 2).Select(_ => Task.Run(() => { start.Wait(); return w.Issuing.IssueAsync(w.World.AdminA, input); })).ToList();
        start.Set();
        var results = await Task.WhenAll(clicks);

        Assert.Equal(3, (await w.CountRowsAsync()).Vouchers);
        Assert.Equal(100_000 - 3_000, (await w.QuotaAsync(quota)).RemainingFen);
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(results[0].IssueId, results[1].IssueId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_fifty_parallel_issues_against_a_quota_for_twenty_exactly_twenty_succeed(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 2_000m); // 20 × ¥100
        var customer = await w.CustomerAsync(w.World.PartnerA);
        using var start = new ManualResetEventSlim(false);

        var attempts = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await VoucherWorld.Outcome(() => w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 100m, customer)));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(20, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(VoucherErrors.QuotaInsufficient, o!.Code));
        var q = await w.QuotaAsync(quota);
        Assert.Equal(0, q.RemainingFen);
        Assert.Equal(200_000, q.IssuedFen);
        var rows = await w.CountRowsAsync();
        Assert.Equal(20, rows.Vouchers);
        Assert.Equal(20, await w.LogCountAsync(VoucherOperationKind.Issue));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R27_only_the_partner_admin_issues_and_only_from_its_own_quota(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quotaA = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var customerB = await w.CustomerAsync(w.World.PartnerB);
        var customerA = await w.CustomerAsync(w.World.PartnerA);

        var finance = await Assert.ThrowsAsync<AccessDeniedException>(() => w.Issuing.IssueAsync(w.World.FinanceA, VoucherWorld.Issue(quotaA, 10m, customerA)));
        var vendor = await Assert.ThrowsAsync<AccessDeniedException>(() => w.Issuing.IssueAsync(w.World.Vendor, VoucherWorld.Issue(quotaA, 10m, customerA)));
        var otherTenant = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.World.AdminB, VoucherWorld.Issue(quotaA, 10m, customerB)));

        Assert.Equal(ErrorCodes.AccessDenied, finance.Code);
        Assert.Equal(ErrorCodes.AccessDenied, vendor.Code);
        Assert.Equal(VoucherErrors.QuotaUnavailable, otherTenant.Code);
        Assert.Equal(0, (await w.CountRowsAsync()).Vouchers);
    }
}
