package book

import (
	"context"
	"fmt"

	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Level is one price level of a book side.
type Level struct {
	Price  uint64
	GPUs   uint64
	Orders int
}

// Depth returns the best levels of one SKU's bids or asks, looking at no more than
// maxOrders resting orders. A bid accepting several SKUs shows in each of their books.
func (b *Book) Depth(ctx context.Context, sku solgridmarket.GpuSku, side solgridmarket.Side, levels, maxOrders int) ([]Level, error) {
	book := fmt.Sprintf("b:%d", sku)
	if side == solgridmarket.Side_Ask {
		book = fmt.Sprintf("a:%d", sku)
	}
	res, err := depthScript.run(ctx, b.rdb, []string{b.keys.Seq()}, b.keys.Prefix, client.SKUCount, book, levels, maxOrders)
	if err != nil {
		return nil, fmt.Errorf("depth of %s: %w", book, err)
	}
	out := make([]Level, 0, len(res)/3)
	for i := 0; i+3 <= len(res); i += 3 {
		p, err := parseHexPrice(str(res, i))
		if err != nil {
			return nil, err
		}
		out = append(out, Level{Price: p, GPUs: uint64(num(res, i+1)), Orders: int(num(res, i+2))})
	}
	return out, nil
}
