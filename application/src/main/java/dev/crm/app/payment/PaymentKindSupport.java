package dev.crm.app.payment;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.payment.PaymentCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Payments in the kind model: a kind of fields by name held by its deal (whose co-owner has the owner's rights). */
@Component
class PaymentKindSupport extends FieldsKindSupport {

    PaymentKindSupport(FieldsQueries objects, CommandSender commands) {
        super(PaymentCommands.ALL, objects, commands);
    }
}
