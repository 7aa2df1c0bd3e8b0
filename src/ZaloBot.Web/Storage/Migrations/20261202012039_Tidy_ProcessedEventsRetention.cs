using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZaloBot.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Tidy_ProcessedEventsRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_processed_events_processed_at",
                table: "processed_events",
                column: "processed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_processed_events_processed_at",
                table: "processed_events");
        }
    }
}
