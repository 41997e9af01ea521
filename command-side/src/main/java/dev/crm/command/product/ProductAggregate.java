package dev.crm.command.product;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Currencies;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.command.product.ProductCommands.ChangeProduct;
import dev.crm.command.product.ProductCommands.CreateProduct;
import dev.crm.command.product.ProductCommands.DeleteProduct;
import dev.crm.command.product.ProductCommands.RestoreProduct;
import dev.crm.command.product.ProductCommands.TransferProduct;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.product.ProductChanged;
import dev.crm.shared.product.ProductCreated;
import dev.crm.shared.product.ProductDeleted;
import dev.crm.shared.product.ProductKind;
import dev.crm.shared.product.ProductOwnerChanged;
import dev.crm.shared.product.ProductRestored;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product: the shared rules of a kind of fields by name ({@link FieldsAggregate}), and its own: a price needs its
 * currency, one of the reference data's ({@link Currencies}).
 */
@Aggregate
public class ProductAggregate extends FieldsAggregate {

    protected ProductAggregate() {
        // for Axon
    }

    @CommandHandler
    public ProductAggregate(CreateProduct cmd, MetaData metaData, UserDirectory users, Currencies currencies) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = checkedNew(ProductKind.KIND, actor, cmd.fields(),
                checked -> currencies.check(ProductKind.PRICE, ProductKind.CURRENCY, Map.of(), checked.values(),
                        checked.errors()));
        apply(new ProductCreated(cmd.productId(), values, actor.username(), users.homeDepartment(actor.username())));
    }

    @CommandHandler
    public long handle(ChangeProduct cmd, MetaData metaData, UserDirectory users, Currencies currencies) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(),
                checked -> currencies.check(ProductKind.PRICE, ProductKind.CURRENCY, fields(), checked.values(),
                        checked.errors()));
        if (!changes.isEmpty()) {
            apply(new ProductChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferProduct cmd, MetaData metaData, UserDirectory users) {
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new ProductOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteProduct cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new ProductDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreProduct cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new ProductRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return ProductKind.KIND;
    }
}
