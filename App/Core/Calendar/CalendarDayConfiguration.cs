using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Core.Calendar;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.ToTable("CalendarDays");
        day.HasKey(d => d.Date);
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        day.Property(d => d.Name).HasMaxLength(100);
    }
}
