package client

import (
	"fmt"
	"strings"

	"github.com/solgrid/solgrid/client/solgridmarket"
)

// GPU describes one standardised SKU. The SKU numbers themselves come from the
// IDL enum GpuSku (shared with the program and the matcher); this adds what
// people read and type.
type GPU struct {
	SKU     solgridmarket.GpuSku
	Key     string // what the CLI and the API accept, e.g. "h100-sxm"
	Name    string
	VRAMGiB int
}

// GPUs lists every SKU in enum order.
var GPUs = []GPU{
	{solgridmarket.GpuSku_Rtx3090, "rtx3090", "NVIDIA RTX 3090", 24},
	{solgridmarket.GpuSku_Rtx4090, "rtx4090", "NVIDIA RTX 4090", 24},
	{solgridmarket.GpuSku_Rtx5090, "rtx5090", "NVIDIA RTX 5090", 32},
	{solgridmarket.GpuSku_L4, "l4", "NVIDIA L4", 24},
	{solgridmarket.GpuSku_L40S, "l40s", "NVIDIA L40S", 48},
	{solgridmarket.GpuSku_A10040gb, "a100-40gb", "NVIDIA A100 40GB", 40},
	{solgridmarket.GpuSku_A10080gb, "a100-80gb", "NVIDIA A100 80GB", 80},
	{solgridmarket.GpuSku_H100Pcie, "h100-pcie", "NVIDIA H100 PCIe", 80},
	{solgridmarket.GpuSku_H100Sxm, "h100-sxm", "NVIDIA H100 SXM", 80},
	{solgridmarket.GpuSku_H200, "h200", "NVIDIA H200", 141},
	{solgridmarket.GpuSku_B200, "b200", "NVIDIA B200", 192},
	{solgridmarket.GpuSku_Mi300X, "mi300x", "AMD Instinct MI300X", 192},
}

// SKUCount is the number of SKUs; an order's sku_mask uses bits 0..SKUCount-1.
const SKUCount = 12

// SKUMask is the sku_mask accepting exactly the given SKUs.
func SKUMask(skus ...solgridmarket.GpuSku) uint32 {
	var m uint32
	for _, s := range skus {
		m |= 1 << uint32(s)
	}
	return m
}

// ParseGPU accepts a SKU key ("h100-sxm") case-insensitively.
func ParseGPU(key string) (GPU, error) {
	for _, g := range GPUs {
		if strings.EqualFold(g.Key, key) {
			return g, nil
		}
	}
	keys := make([]string, len(GPUs))
	for i, g := range GPUs {
		keys[i] = g.Key
	}
	return GPU{}, fmt.Errorf("unknown GPU %q: use one of %s", key, strings.Join(keys, ", "))
}
