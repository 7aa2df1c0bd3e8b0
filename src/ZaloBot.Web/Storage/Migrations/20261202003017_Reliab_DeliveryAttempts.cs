using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZaloBot.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Reliab_DeliveryAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "attempted_at",
                table: "outbound_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "claim_token",
                table: "outbound_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "safe_to_repeat",
                table: "outbound_messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "unknown_resends",
                table: "outbound_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_live_user",
                table: "outbound_messages",
                columns: new[] { "zalo_user_id", "id" },
                filter: "state IN (0, 1)");

            // Rows written before this migration: turn replies are the bot's (safe to repeat); a row in Sending during
            // the upgrade may have been attempted, so it counts as attempted (the stuck rule then decides by kind).
            migrationBuilder.Sql("UPDATE outbound_messages SET safe_to_repeat = TRUE WHERE idempotency_key LIKE 'turn:%';");
            migrationBuilder.Sql("UPDATE outbound_messages SET attempted_at = created_at WHERE state = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbound_messages_live_user",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "attempted_at",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "claim_token",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "safe_to_repeat",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "unknown_resends",
                table: "outbound_messages");
        }
    }
}
