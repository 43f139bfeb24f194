using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>R4: lists carry masked values only; a clear value comes from an audited reveal, and a refused reveal writes nothing.</summary>
public class CustomerRevealTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R4_list_and_detail_rows_carry_masked_values_only(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("上海云帆科技有限公司", world.Manager1A, phone: "13912345678", email: "li.na@yunfan.cn", contact: "李娜");

        var row = Assert.Single((await world.Get<CustomerQueries>().ListAsync(world.AdminA, new CustomerQuery())).Items);
        var detail = await world.Get<CustomerQueries>().GetAsync(world.AdminA, id);

        foreach (var shown in new[] { row, detail.Summary })
        {
            Assert.Equal("上******", shown.MaskedName);
            Assert.Equal("李*", shown.MaskedContactName);
            Assert.Equal("139****5678", shown.MaskedPhone);
            Assert.Equal("l***@yunfan.cn", shown.MaskedEmail);
            var everything = shown.ToString();
            Assert.DoesNotContain("云帆", everything);
            Assert.DoesNotContain("13912345678", everything);
            Assert.DoesNotContain("li.na", everything);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R4_reveal_returns_the_clear_value_and_audits_who_revealed_which_field_of_which_customer(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("上海云帆科技有限公司", world.Manager1A, phone: "13912345678", email: "li.na@yunfan.cn", contact: "李娜");
        var reveal = world.Get<CustomerReveal>();

        Assert.Equal("13912345678", await reveal.RevealAsync(world.Manager1A, id, CustomerField.Phone));
        Assert.Equal("上海云帆科技有限公司", await reveal.RevealAsync(world.SupervisorA, id, CustomerField.Name));
        Assert.Equal("li.na@yunfan.cn", await reveal.RevealAsync(world.AdminA, id, CustomerField.Email));
        Assert.Equal("李娜", await reveal.RevealAsync(world.AdminA, id, CustomerField.ContactName));

        await using var db = await world.Factory.CreateSystemAsync();
        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(4, audits.Count);
        Assert.All(audits, a =>
        {
            Assert.Equal(CustomerAuditActions.Reveal, a.Action);
            Assert.Equal(nameof(Customer), a.EntityType);
            Assert.Equal(world.PartnerA, a.OrganizationId);
        });
        Assert.Equal(["Manager One", "Supervisor A", "Admin A", "Admin A"], audits.Select(a => a.ActorName));
        Assert.Equal("{\"Field\":\"CustomerField.Phone\"}", audits[0].After);
        Assert.Equal("{\"Field\":\"CustomerField.Name\"}", audits[1].After);
        // The audit row says which field, never the value itself.
        Assert.DoesNotContain(audits, a => (a.After ?? "").Contains("139") || (a.After ?? "").Contains("云帆"));
        var history = (await world.Get<CustomerQueries>().GetAsync(world.AdminA, id)).History;
        Assert.Equal(4, history.Count(h => h.Action == CustomerAuditActions.Reveal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R4_a_refused_reveal_returns_nothing_and_writes_no_audit_row(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofManager2 = await world.AddCustomerAsync("深圳前海智联科技有限公司", world.Manager2A);
        var before = await world.CountCustomerRowsAsync();
        var reveal = world.Get<CustomerReveal>();

        // Finance reads the list for balances but may not reveal; manager one does not see manager two's customer.
        await Assert.ThrowsAsync<AccessDeniedException>(() => reveal.RevealAsync(world.FinanceA, ofManager2, CustomerField.Name));
        await Assert.ThrowsAsync<NotFoundException>(() => reveal.RevealAsync(world.Manager1A, ofManager2, CustomerField.Phone));
        await Assert.ThrowsAsync<NotFoundException>(() => reveal.RevealAsync(world.AdminB, ofManager2, CustomerField.Email));
        await Assert.ThrowsAsync<NotFoundException>(() => reveal.RevealAsync(world.AdminA, Guid.NewGuid(), CustomerField.Email));
        await Assert.ThrowsAsync<ValidationException>(() => reveal.RevealAsync(world.AdminA, ofManager2, (CustomerField)42));

        Assert.Equal(before, await world.CountCustomerRowsAsync());
    }

    [Theory]
    [InlineData(CustomerField.Name, "北京星河数据服务有限公司", "北******")]
    [InlineData(CustomerField.ContactName, "王芳", "王*")]
    [InlineData(CustomerField.Phone, "13800138000", "138****8000")]
    [InlineData(CustomerField.Email, "wang.fang@163.com", "w***@163.com")]
    [InlineData(CustomerField.Email, "", "")]
    [InlineData(CustomerField.Email, "no-at-sign", "n******")]
    public void R4_masks(CustomerField field, string value, string masked) => Assert.Equal(masked, CustomerMasking.Mask(field, value));
}
