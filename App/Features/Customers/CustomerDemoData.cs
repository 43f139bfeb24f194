using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// Partner A: 40 customers, about 60% resale, held by am1 and am2 (every fifth reassigned once, so its history shows two
/// periods), resale balances with a few below their threshold, one in arrears, one with nothing left, one unbound.
/// Partner B (distributor): 8 customers; Partner C (reseller): 8 consultative customers. Balances are set on the row;
/// the funds slice seeds the matching ledger history (its demo data runs after this, Order 10).
/// </summary>
public sealed class CustomerDemoData(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    /// <summary>Well-known customers for tours and browser tests.</summary>
    public const string WellKnownReassigned = "上海云帆科技有限公司";
    public const string WellKnownToUnbind = "杭州青禾电子商务有限公司";

    /// <summary>Credit codes of the demo customers are <see cref="CustomerFactory.CreditCodeFor"/> of this base plus an index.</summary>
    public const long CreditCodeBase = 9_100_000;

    private static readonly string[] NamesA =
    [
        WellKnownReassigned, WellKnownToUnbind, "北京星河数据服务有限公司", "深圳前海智联科技有限公司", "广州南粤物流股份有限公司",
        "成都天府游戏科技有限公司", "武汉光谷光电有限公司", "南京紫金生物科技有限公司", "西安秦岭航空部件有限公司", "苏州吴中纺织有限公司",
        "青岛海湾啤酒贸易有限公司", "天津港城供应链有限公司", "长沙岳麓传媒有限公司", "厦门鹭岛旅游服务有限公司", "昆明滇池茶业有限公司",
        "大连星海船务有限公司", "合肥庐州显示技术有限公司", "宁波甬江汽车零部件有限公司", "郑州中原智慧农业有限公司", "重庆山城火锅餐饮管理有限公司",
        "济南泉城医疗器械有限公司", "福州闽江教育科技有限公司", "南昌赣江新能源有限公司", "贵阳数谷大数据有限公司", "沈阳盛京机床有限公司",
        "哈尔滨冰城冷链物流有限公司", "石家庄燕赵制药有限公司", "太原晋阳煤化工有限公司", "兰州金城环保科技有限公司", "海口椰城跨境电商有限公司",
        "无锡太湖物联网有限公司", "佛山禅城陶瓷有限公司", "东莞松湖智能制造有限公司", "温州瓯江鞋业有限公司", "珠海横琴金融科技有限公司",
        "南宁绿城数字文旅有限公司", "呼和浩特草原乳业有限公司", "乌鲁木齐丝路商贸有限公司", "拉萨雪域文化传播有限公司", "银川塞上云计算有限公司",
    ];

    private static readonly string[] NamesB =
    [
        "北京华信智造有限公司", "上海浦江金融信息服务有限公司", "广州羊城软件有限公司", "深圳鹏城安防科技有限公司",
        "杭州西湖直播科技有限公司", "成都锦城医疗信息有限公司", "武汉江城汽车服务有限公司", "南京秦淮会展有限公司",
    ];

    private static readonly string[] NamesC =
    [
        "苏州工业园区精工电子有限公司", "无锡梁溪文化科技有限公司", "常州龙城新材料有限公司", "扬州瘦西湖旅游开发有限公司",
        "徐州彭城工程机械有限公司", "南通江海纺织品有限公司", "镇江金山醋业有限公司", "盐城黄海风电有限公司",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "婷", "强", "军", "杰", "丽", "涛", "超", "霞", "鹏"];
    private static readonly string[] Pinyin = ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "ma", "zhu", "hu", "guo"];
    private static readonly string[] Industries = ["Finance", "Government", "Manufacturing", "Retail", "Education", "Healthcare", "Internet", "Energy", "Logistics", "Media"];
    private static readonly string[] Regions = ["NorthChina", "EastChina", "SouthChina", "CentralChina", "SouthwestChina", "NorthwestChina", "NortheastChina"];

    public int Order => 10;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var now = demo.NowUtc;
        var adminA = demo.User(DemoAccounts.PartnerAAdmin);
        var am1 = demo.User(DemoAccounts.PartnerAManager1);
        var am2 = demo.User(DemoAccounts.PartnerAManager2);
        var random = new Random(20261122);
        await using var db = await dbFactory.CreateSystemAsync(ct);

        for (var i = 0; i < NamesA.Length; i++)
        {
            // About 60% resale: three of every five.
            var mode = i % 5 < 3 ? AssociationMode.Resale : AssociationMode.Consultative;
            var holder = i % 2 == 0 ? am1 : am2;
            var associatedAt = now.AddDays(-(200 - i * 4)).AddHours(-random.Next(0, 10));
            var (customer, opening) = CustomerFactory.Associated(demo.PartnerA.Id, NamesA[i], CustomerFactory.CreditCodeFor(CreditCodeBase + i), mode,
                (i % 5 == 0 ? (holder == am1 ? am2 : am1) : holder).Id, associatedAt, adminA.Id, adminA.DisplayName);
            Describe(customer, i);
            if (mode == AssociationMode.Resale)
            {
                customer.LowBalanceThresholdFen = 1_000_00 * (1 + i % 5);
                customer.BalanceFen = i switch
                {
                    2 or 7 or 12 => customer.LowBalanceThresholdFen.Value / 2 + random.Next(0, 100) * 100L,
                    5 => 0,
                    6 => 0,
                    _ => random.Next(5_000, 200_000) * 100L + random.Next(0, 100),
                };
                customer.ArrearsFen = i == 6 ? 3_456_78 : 0;
            }

            db.Customers.Add(customer);
            db.CustomerAssignments.Add(opening!);
            if (i % 5 == 0)
            {
                // Reassigned once: the first manager held it for a while, the second holds it now.
                var reassignedAt = associatedAt.AddDays(30 + i);
                opening!.ToUtc = reassignedAt;
                db.CustomerAssignments.Add(new CustomerAssignment
                {
                    OrganizationId = customer.OrganizationId,
                    CustomerId = customer.Id,
                    AccountManagerUserId = holder.Id,
                    FromUtc = reassignedAt,
                    AssignedByUserId = adminA.Id,
                    AssignedByName = adminA.DisplayName,
                });
                customer.AccountManagerUserId = holder.Id;
                customer.UpdatedAtUtc = reassignedAt;
                var previous = holder == am1 ? am2 : am1;
                db.AuditEntries.Add(new AuditEntry
                {
                    OrganizationId = customer.OrganizationId,
                    ActorUserId = adminA.Id,
                    ActorName = adminA.DisplayName,
                    ActorOrganizationId = customer.OrganizationId,
                    EntityType = nameof(Customer),
                    EntityId = customer.Id.ToString(),
                    Action = CustomerAuditActions.Assign,
                    Before = AuditExtensions.Serialize(new { AccountManager = previous.DisplayName }),
                    After = AuditExtensions.Serialize(new { AccountManager = holder.DisplayName }),
                    AtUtc = reassignedAt,
                });
            }

            if (i == NamesA.Length - 1)
            {
                // One customer already unbound, for the status filter.
                var unboundAt = now.AddDays(-3);
                customer.Status = CustomerStatus.Unbound;
                customer.UnboundAtUtc = unboundAt;
                customer.UpdatedAtUtc = unboundAt;
                customer.BalanceFen = 0;
                opening!.ToUtc ??= unboundAt;
            }
        }

        AddPartner(db, demo.PartnerB.Id, NamesB, 100, i => i % 2 == 0 ? AssociationMode.Resale : AssociationMode.Consultative, now, random);
        AddPartner(db, demo.PartnerC.Id, NamesC, 200, _ => AssociationMode.Consultative, now, random);
        await db.SaveChangesAsync(ct);
    }

    private static void AddPartner(AppDbContext db, Guid organizationId, string[] names, int offset, Func<int, AssociationMode> modeOf, DateTime now, Random random)
    {
        // Partners B and C have no account managers in the demo: their customers are the admin's, unassigned.
        for (var i = 0; i < names.Length; i++)
        {
            var (customer, _) = CustomerFactory.Associated(organizationId, names[i], CustomerFactory.CreditCodeFor(CreditCodeBase + offset + i), modeOf(i), null,
                now.AddDays(-(120 - i * 9)).AddHours(-random.Next(0, 10)));
            Describe(customer, offset + i);
            if (customer.Mode == AssociationMode.Resale)
            {
                customer.LowBalanceThresholdFen = 2_000_00;
                customer.BalanceFen = random.Next(1_000, 80_000) * 100L;
            }

            db.Customers.Add(customer);
        }
    }

    private static void Describe(Customer customer, int index)
    {
        var surname = index % Surnames.Length;
        customer.ContactName = Surnames[surname] + GivenNames[(index * 7 + 3) % GivenNames.Length];
        customer.ContactPhone = $"1{3 + index % 6}{(index * 7_919_123L + 123_456_789) % 1_000_000_000:D9}";
        customer.ContactEmail = $"{Pinyin[surname]}.{index + 1}@{(index % 3 == 0 ? "163.com" : index % 3 == 1 ? "qq.com" : "corp.example.cn")}";
        customer.Industry = Industries[index % Industries.Length];
        customer.Region = Regions[index % Regions.Length];
    }
}
