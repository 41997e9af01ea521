package dev.crm.app.product;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.product.ProductCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Products in the kind model: a kind of fields by name; the permission matrix alone decides. */
@Component
class ProductKindSupport extends FieldsKindSupport {

    ProductKindSupport(FieldsQueries objects, CommandSender commands) {
        super(ProductCommands.ALL, objects, commands);
    }
}
