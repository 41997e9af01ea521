package dev.crm.query;

import java.util.List;

/**
 * A read model: the tables it writes. A rebuild empties exactly these before it replays the store, so a new
 * kind's projection declares its tables here and nowhere else.
 */
public interface ReadModel {

    List<String> tables();
}
